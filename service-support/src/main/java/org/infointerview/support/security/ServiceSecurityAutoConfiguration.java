package org.infointerview.support.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server of its own and never trusts the gateway alone: each
 * request carries a bearer JWT whose signature (JWKS), issuer, audience, expiry and algorithm are
 * checked ({@code spring.security.oauth2.resourceserver.jwt.*}). Roles come from the claims through
 * {@link RoleMapper}; controllers take the caller as a {@link CurrentUser} parameter.
 */
@AutoConfiguration(
    beforeName =
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@EnableConfigurationProperties({SecurityProperties.class, StudiesProperties.class})
@EnableMethodSecurity
public class ServiceSecurityAutoConfiguration {

  /** Wraps whichever token decoder is configured in one that remembers validated tokens. */
  @Bean
  static BeanPostProcessor cachingJwtDecoders() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)) {
          return new CachingJwtDecoder(decoder, Clock.systemUTC(), 10_000, Duration.ofMinutes(10));
        }
        return bean;
      }
    };
  }

  /**
   * Spring Security's observations of every filter on every request cost more than they tell; the
   * request itself is still observed ({@code http.server.requests}).
   */
  @Bean
  @ConditionalOnMissingBean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** Every endpoint's role rule before its input is read ({@link RoleBeforeInput}). */
  @Bean
  WebMvcConfigurer roleBeforeInput() {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RoleBeforeInput());
      }
    };
  }

  @Bean
  ManagementPort managementPort() {
    return new ManagementPort();
  }

  /**
   * The management port is for scrapers and operators on a private network: no token there (the API
   * port answers only {@code /livez} and {@code /readyz} of the actuator).
   */
  @Bean
  WebSecurityCustomizer managementPortWithoutTokens(ManagementPort managementPort) {
    return web -> web.ignoring().requestMatchers(managementPort);
  }

  /** Spring Security's strict firewall, with its header-value rule checked without a regex. */
  @Bean
  @ConditionalOnMissingBean
  HttpFirewall httpFirewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedHeaderValues(HeaderValues.ALLOWED);
    return firewall;
  }

  /** Bearer tokens from the {@code Authorization} header only, checked without a regex. */
  @Bean
  @ConditionalOnMissingBean
  BearerTokenResolver bearerTokenResolver() {
    return new BearerTokens();
  }

  /**
   * A person's identity is the issuer with the subject, so a token without a subject names nobody:
   * refused beside the issuer, audience, time and algorithm checks (Spring Boot adds every such
   * validator bean to the configured decoder). Without this, every subject-less token of one
   * issuer, such as Keycloak's when a realm lacks its {@code basic} client scope, would be one
   * person, {@code issuer|null}.
   */
  @Bean
  OAuth2TokenValidator<Jwt> subjectRequired() {
    return new JwtClaimValidator<@Nullable String>(
        JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank());
  }

  @Bean
  RoleMapper roleMapper(SecurityProperties properties) {
    return new RoleMapper(properties);
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain apiSecurity(
      HttpSecurity http, RoleMapper roles, SecurityProperties properties) throws Exception {
    String[] publicPaths =
        Stream.concat(Arrays.stream(ApiSecurity.PUBLIC_PATHS), properties.publicPaths().stream())
            .toArray(String[]::new);
    http.authorizeHttpRequests(
            requests ->
                requests.requestMatchers(publicPaths).permitAll().anyRequest().authenticated())
        .oauth2ResourceServer(
            server ->
                server
                    .authenticationEntryPoint(new ProblemAuthenticationEntryPoint())
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(ApiSecurity.converter(roles))))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Bearer tokens only: no cookies, so no cross-site request can carry the credentials.
        .csrf(csrf -> csrf.disable())
        .cors(cors -> cors.configurationSource(ApiSecurity.cors(properties)))
        .headers(SecurityHeaders::apply);
    return http.build();
  }

  @Bean
  WebMvcConfigurer currentUserParameters(RoleMapper roles, StudiesProperties studies) {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserResolver(roles));
        resolvers.add(new StudiesResolver(studies));
      }
    };
  }

  /** Resolves {@link CurrentUser} controller parameters from the validated token. */
  static final class CurrentUserResolver implements HandlerMethodArgumentResolver {

    private final RoleMapper roles;

    CurrentUserResolver(RoleMapper roles) {
      this.roles = roles;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return CurrentUser.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
        MethodParameter parameter,
        ModelAndViewContainer mavContainer,
        NativeWebRequest webRequest,
        WebDataBinderFactory binderFactory) {
      Jwt jwt = validatedToken();
      if (jwt == null) {
        throw new IllegalStateException("No validated token for " + parameter);
      }
      String issuer = jwt.getIssuer() == null ? "" : jwt.getIssuer().toString();
      return new CurrentUser(
          CurrentUser.idOf(issuer, jwt.getSubject()),
          issuer,
          jwt.getSubject(),
          jwt.getClaimAsString("name"),
          jwt.getClaimAsString("email"),
          Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified")),
          roles.roles(jwt.getClaims()),
          jwt.getClaimAsString("zoneinfo"));
    }
  }

  /**
   * Resolves {@link Studies} controller parameters from the validated token's claims: a class year
   * that is not a plausible year, or texts longer than 200 characters, are left out.
   */
  static final class StudiesResolver implements HandlerMethodArgumentResolver {

    private final StudiesProperties claims;

    StudiesResolver(StudiesProperties claims) {
      this.claims = claims;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return Studies.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
        MethodParameter parameter,
        ModelAndViewContainer mavContainer,
        NativeWebRequest webRequest,
        WebDataBinderFactory binderFactory) {
      Jwt jwt = validatedToken();
      if (jwt == null) {
        return Studies.NONE;
      }
      Object year = jwt.getClaims().get(claims.classYearClaim());
      Integer classYear = null;
      if (year instanceof Number number) {
        classYear = number.intValue();
      } else if (year instanceof String text && text.strip().matches("\\d{4}")) {
        classYear = Integer.parseInt(text.strip());
      }
      if (classYear != null && (classYear < 1900 || classYear > 2200)) {
        classYear = null;
      }
      return new Studies(
          classYear,
          text(jwt.getClaims().get(claims.majorClaim())),
          text(jwt.getClaims().get(claims.programClaim())));
    }

    private static @Nullable String text(@Nullable Object claim) {
      return claim instanceof String text
              && !text.isBlank()
              && text.length() <= 200
              && text.codePoints().noneMatch(Character::isISOControl)
          ? text.strip()
          : null;
    }
  }

  /** The request's validated token, if it has one. */
  private static @Nullable Jwt validatedToken() {
    return SecurityContextHolder.getContext().getAuthentication()
            instanceof JwtAuthenticationToken token
        ? token.getToken()
        : null;
  }
}
