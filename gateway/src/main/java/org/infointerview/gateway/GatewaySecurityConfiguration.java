package org.infointerview.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.infointerview.support.problem.ServletProblems;
import org.infointerview.support.security.ApiSecurity;
import org.infointerview.support.security.CachingJwtDecoder;
import org.infointerview.support.security.ProblemAuthenticationEntryPoint;
import org.infointerview.support.security.RoleMapper;
import org.infointerview.support.security.SecurityHeaders;
import org.infointerview.support.security.SecurityProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The gateway's security: API clients send bearer tokens (checked here and again by each service);
 * browsers sign in here as a backend for frontend (authorization code with PKCE at the university's
 * provider) and hold only an HttpOnly, SameSite session cookie, while the gateway relays their
 * access token to the services. Cookie-carrying, state-changing requests need the CSRF token;
 * bearer requests carry no ambient credential and need none.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInProperties.class)
class GatewaySecurityConfiguration {

  static final String REGISTRATION = "infointerview";

  private static final RequestMatcher BEARER =
      request -> {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
      };
  private static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/");

  /**
   * Links that carry their own credential: the answer link of a request mail (checked by
   * interviews-service), the unsubscribe link and the private calendar feed
   * (notifications-service), opened by people without an account and by calendar apps. The token in
   * the path is the credential, so they are open here, without a CSRF token (they carry no ambient
   * credential), and rate-limited by address.
   */
  static final RequestMatcher MAIL_LINKS =
      new OrRequestMatcher(
          PathPatternRequestMatcher.withDefaults().matcher("/api/interviews/answers/*"),
          PathPatternRequestMatcher.withDefaults().matcher("/api/notifications/unsubscribe/*"),
          PathPatternRequestMatcher.withDefaults()
              .matcher(HttpMethod.GET, "/api/notifications/calendar/*"));

  @Bean
  ClientRegistrationRepository clientRegistrations(SignInProperties signIn) {
    ClientRegistration registration =
        ClientRegistration.withRegistrationId(REGISTRATION)
            .clientId(signIn.clientId())
            .clientSecret(signIn.clientSecret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope(signIn.scopes())
            .issuerUri(signIn.issuer())
            .authorizationUri(signIn.authorizationUri())
            .tokenUri(signIn.tokenUri())
            .jwkSetUri(signIn.jwkSetUri())
            .userInfoUri(signIn.userInfoUri())
            .userNameAttributeName(IdTokenClaimNames.SUB)
            .providerConfigurationMetadata(Map.of("end_session_endpoint", signIn.endSessionUri()))
            .build();
    return new InMemoryClientRegistrationRepository(registration);
  }

  /**
   * A browser's tokens live in its session and end with it (sign-out, time-out): not in a map of
   * the whole gateway keyed by person, which would keep every person's tokens until a restart and
   * share them between a person's sessions.
   */
  @Bean
  OAuth2AuthorizedClientRepository authorizedClients() {
    return new HttpSessionOAuth2AuthorizedClientRepository();
  }

  @Bean
  OAuth2AuthorizedClientManager authorizedClientManager(
      ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository clients) {
    var manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
    manager.setAuthorizedClientProvider(
        OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
    return manager;
  }

  /** In this instance's memory, or in Redis when one is configured for all instances. */
  @Bean
  RateLimitBuckets rateLimitBuckets(GatewayProperties gateway) {
    return gateway.redisUri().isBlank()
        ? new LocalRateLimitBuckets()
        : new RedisRateLimitBuckets(gateway.redisUri(), gateway.rateLimit().redisTimeout());
  }

  /** One instance for both chains, so a person has one bucket however they call. */
  @Bean
  RateLimitFilter rateLimitFilter(GatewayProperties gateway, RateLimitBuckets buckets) {
    return new RateLimitFilter(gateway.rateLimit(), buckets);
  }

  @Bean
  FilterRegistrationBean<RateLimitFilter> rateLimitOnlyInsideSecurity(RateLimitFilter filter) {
    FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  /**
   * API clients: a bearer token on every request, nothing else. No session, no cookies, hence no
   * CSRF token to check or issue.
   */
  @Bean
  @Order(1)
  SecurityFilterChain apiClients(
      HttpSecurity http,
      RoleMapper roles,
      SecurityProperties properties,
      GatewayProperties gateway,
      SignInProperties signIn,
      RateLimitFilter rateLimit,
      RateLimitBuckets buckets,
      JwtDecoder decoder)
      throws Exception {
    var refusedTokens =
        new RefusedTokenLimitFilter(
            gateway.rateLimit(),
            buckets,
            decoder instanceof CachingJwtDecoder caching ? caching : null,
            Clock.systemUTC());
    http.securityMatcher(BEARER)
        .authorizeHttpRequests(GatewaySecurityConfiguration::authorize)
        .oauth2ResourceServer(
            server ->
                server
                    .authenticationEntryPoint(new ProblemAuthenticationEntryPoint())
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(ApiSecurity.converter(roles))))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        // Every request here carries a token, valid or refused with 401: no anonymous caller, no
        // saved request to return to, no logout, no servlet login API.
        .anonymous(anonymous -> anonymous.disable())
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .servletApi(api -> api.disable())
        .cors(cors -> cors.configurationSource(ApiSecurity.cors(properties)))
        .headers(headers(gateway, signIn))
        .addFilterBefore(refusedTokens, BearerTokenAuthenticationFilter.class)
        .addFilterAfter(rateLimit, BearerTokenAuthenticationFilter.class);
    return http.build();
  }

  /**
   * Browsers: sign-in at the provider, a session cookie, the access token relayed, CSRF tokens for
   * state-changing requests.
   */
  @Bean
  @Order(2)
  SecurityFilterChain browsers(
      HttpSecurity http,
      SecurityProperties properties,
      ClientRegistrationRepository registrations,
      OAuth2AuthorizedClientManager clients,
      OAuth2AuthorizedClientRepository authorizedClients,
      GatewayProperties gateway,
      SignInProperties signIn,
      RateLimitFilter rateLimit,
      @Value("${CONTACTS_SERVICE_URI:http://localhost:8081}") String contactsService)
      throws Exception {
    var authorizationRequests =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
    authorizationRequests.setAuthorizationRequestCustomizer(
        OAuth2AuthorizationRequestCustomizers.withPkce());
    var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    logout.setPostLogoutRedirectUri("{baseUrl}/");

    http.authorizeHttpRequests(GatewaySecurityConfiguration::authorize)
        .oauth2Login(
            login ->
                login
                    .authorizedClientRepository(authorizedClients)
                    .authorizationEndpoint(
                        a -> a.authorizationRequestResolver(authorizationRequests))
                    .successHandler(
                        new ProfileProvisioningSuccessHandler(authorizedClients, contactsService))
                    .failureHandler(
                        new SignInFailureHandler("/oauth2/authorization/" + REGISTRATION)))
        .logout(l -> l.logoutSuccessHandler(logout))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .requestCache(cache -> cache.requestCache(pagesOnly()))
        // The single-page-app pattern: the token in a readable XSRF-TOKEN cookie, sent back in
        // the X-XSRF-TOKEN header.
        .csrf(csrf -> csrf.spa().ignoringRequestMatchers(MAIL_LINKS))
        .exceptionHandling(
            errors ->
                errors
                    .accessDeniedHandler(GatewaySecurityConfiguration::refused)
                    .defaultAuthenticationEntryPointFor(
                        SignInEndedException.orElse(new ProblemAuthenticationEntryPoint()), API)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(
                            "/oauth2/authorization/" + REGISTRATION),
                        request -> true))
        .cors(cors -> cors.configurationSource(ApiSecurity.cors(properties)))
        .headers(headers(gateway, signIn))
        .addFilterAfter(new TokenRelayFilter(clients), AuthorizationFilter.class)
        .addFilterAfter(rateLimit, AnonymousAuthenticationFilter.class);
    return http.build();
  }

  /**
   * A browser's request refused: most often a write without its CSRF token, which the problem says
   * how to send; otherwise a role that may not do this.
   */
  private static void refused(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    ServletProblems.write(
        response,
        HttpStatus.FORBIDDEN,
        "Forbidden",
        denied instanceof CsrfException
            ? "The request's CSRF token is missing or out of date: send the XSRF-TOKEN cookie's"
                + " value in the X-XSRF-TOKEN header."
            : "This request is not allowed for you.",
        request.getRequestURI());
  }

  /**
   * Remembers a page asked for before signing in, to return to it afterwards; an API call without
   * credentials gets its 401 and leaves no session behind (in memory or in Redis), however often it
   * comes.
   */
  private static RequestCache pagesOnly() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(
        request -> HttpMethod.GET.matches(request.getMethod()) && !API.matches(request));
    return cache;
  }

  /** The security headers; a web UI's pages get its content policy, everything else the API's. */
  private static Customizer<HeadersConfigurer<HttpSecurity>> headers(
      GatewayProperties gateway, SignInProperties signIn) {
    if (gateway.webUi().uri().isBlank()) {
      return SecurityHeaders::apply;
    }
    String pagePolicy = WebUiRoute.contentSecurityPolicy(gateway.webUi(), signIn);
    return headers -> SecurityHeaders.apply(headers, WebUiRoute.PAGES, pagePolicy);
  }

  private static void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        .requestMatchers(ApiSecurity.PUBLIC_PATHS)
        .permitAll()
        .requestMatchers(MAIL_LINKS)
        .permitAll()
        .requestMatchers(HttpMethod.GET, WebUiRoute.OPEN_PAGES)
        .permitAll()
        .requestMatchers(HttpMethod.HEAD, WebUiRoute.OPEN_PAGES)
        .permitAll()
        .requestMatchers("/login/**", "/oauth2/**")
        .permitAll()
        .requestMatchers(SecurityHeaders.DOCUMENTATION_PATHS)
        .permitAll()
        .requestMatchers(HttpMethod.GET, "/api/*/v3/api-docs")
        .permitAll()
        .anyRequest()
        .authenticated();
  }
}
