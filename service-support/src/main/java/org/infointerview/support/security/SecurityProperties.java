package org.infointerview.support.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the identity provider's claims become our roles.
 *
 * @param roleClaims claims that may hold roles or groups, dotted for nested ones: Keycloak {@code
 *     realm_access.roles}, Entra ID {@code roles}, Okta {@code groups}, eduPerson {@code
 *     eduPersonAffiliation} and {@code eduPersonScopedAffiliation}
 * @param roleValues claim values (lower case; a scoped affiliation's {@code @domain} is dropped)
 *     and the role each grants
 * @param publicPaths this service's paths that need no sign-in (path patterns, such as {@code
 *     /answers/**}), beside health and the API description; each carries its own credential or none
 */
@ConfigurationProperties("infointerview.security")
public record SecurityProperties(
    @DefaultValue({
          "roles",
          "realm_access.roles",
          "groups",
          "eduPersonAffiliation",
          "eduPersonScopedAffiliation"
        })
        List<String> roleClaims,
    @DefaultValue Map<String, Role> roleValues,
    @DefaultValue List<String> corsAllowedOrigins,
    @DefaultValue List<String> publicPaths) {

  static final Map<String, Role> DEFAULT_ROLE_VALUES =
      Map.of(
          "student", Role.STUDENT,
          "alumnus", Role.ALUMNUS,
          "alum", Role.ALUMNUS,
          "alumni", Role.ALUMNUS,
          "advisor", Role.ADVISOR,
          "staff", Role.ADVISOR,
          "admin", Role.ADMIN);

  /** The configured value mapping, or the defaults when none is configured. */
  public Map<String, Role> effectiveRoleValues() {
    return roleValues.isEmpty() ? DEFAULT_ROLE_VALUES : roleValues;
  }
}
