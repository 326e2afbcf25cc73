package org.infointerview.support.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** The pieces every security chain of ours is built from, the gateway's included. */
public final class ApiSecurity {

  /**
   * Paths open without a token: liveness and readiness for probes, the API description. The rest of
   * the actuator (health details, metrics) is on the management port, never on this one.
   */
  public static final String[] PUBLIC_PATHS = {
    "/livez", "/readyz", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/error"
  };

  private ApiSecurity() {}

  /**
   * The scope a service's own client is granted to read the address a message goes to, and to
   * record a person's unsubscribe (contacts-service's {@code /internal/**}); no person's token
   * carries it.
   */
  public static final String CONTACT_MAIL_SCOPE = "infointerview.contact-mail";

  /**
   * Turns a validated token into an authentication carrying our roles as authorities, and its
   * scopes as {@code SCOPE_<scope>} (from {@code scope}, space-separated, or {@code scp}).
   */
  public static Converter<Jwt, AbstractAuthenticationToken> converter(RoleMapper roles) {
    return jwt -> {
      List<SimpleGrantedAuthority> authorities = new ArrayList<>();
      Set<Role> granted = roles.roles(jwt.getClaims());
      granted.forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
      for (String claim : List.of("scope", "scp")) {
        Object value = jwt.getClaims().get(claim);
        Collection<?> scopes =
            value instanceof String text
                ? List.of(text.split(" "))
                : value instanceof Collection<?> many ? many : List.of();
        scopes.stream()
            .map(String::valueOf)
            .filter(scope -> !scope.isBlank())
            .forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
      }
      return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    };
  }

  /** CORS only for the configured origins; none by default, never {@code *}. */
  public static CorsConfigurationSource cors(SecurityProperties properties) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    if (!properties.corsAllowedOrigins().isEmpty()) {
      CorsConfiguration configuration = new CorsConfiguration();
      configuration.setAllowedOrigins(properties.corsAllowedOrigins());
      configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
      configuration.setAllowedHeaders(
          List.of("Authorization", "Content-Type", "If-Match", "X-XSRF-TOKEN"));
      configuration.setExposedHeaders(List.of("ETag", "Location", "Retry-After"));
      configuration.setAllowCredentials(true);
      configuration.setMaxAge(Duration.ofHours(1));
      source.registerCorsConfiguration("/**", configuration);
    }
    return source;
  }
}
