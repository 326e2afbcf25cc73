package org.infointerview.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.infointerview.support.security.Role;
import org.infointerview.support.security.RoleMapper;
import org.infointerview.support.security.SecurityProperties;
import org.junit.jupiter.api.Test;

class RoleMapperTest {

  private final RoleMapper mapper =
      new RoleMapper(
          new SecurityProperties(
              List.of(
                  "roles",
                  "realm_access.roles",
                  "groups",
                  "eduPersonAffiliation",
                  "eduPersonScopedAffiliation"),
              Map.of(),
              List.of(),
              List.of()));

  @Test
  void keycloakRealmRolesBecomeOurRoles() {
    assertThat(
            mapper.roles(
                Map.of("realm_access", Map.of("roles", List.of("student", "offline_access")))))
        .containsExactly(Role.STUDENT);
  }

  @Test
  void entraAndOktaClaimsBecomeOurRoles() {
    assertThat(mapper.roles(Map.of("roles", List.of("Admin")))).containsExactly(Role.ADMIN);
    assertThat(mapper.roles(Map.of("groups", List.of("advisor", "everyone"))))
        .containsExactly(Role.ADVISOR);
  }

  @Test
  void eduPersonAffiliationsBecomeOurRolesWithTheirScopeDropped() {
    assertThat(mapper.roles(Map.of("eduPersonScopedAffiliation", List.of("alum@example.edu"))))
        .containsExactly(Role.ALUMNUS);
    assertThat(mapper.roles(Map.of("eduPersonAffiliation", "staff member")))
        .containsExactly(Role.ADVISOR);
  }

  @Test
  void aTokenWithoutRoleClaimsHasNoRoles() {
    assertThat(mapper.roles(Map.of("sub", "s-1", "realm_access", "not a map"))).isEmpty();
  }
}
