package org.infointerview.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions.removeResponseHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.removeRequestHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.filter.CircuitBreakerFilterFunctions.circuitBreaker;
import static org.springframework.cloud.gateway.server.mvc.filter.RetryFilterFunctions.retry;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.cloud.gateway.server.mvc.filter.RetryFilterFunctions.RetryException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The web UI, a deployable of its own behind the gateway ({@code WEB_UI_URI}): every page request
 * ({@code GET} or {@code HEAD}) for an address the gateway does not answer itself goes there, the
 * bare address {@code /} included. The gateway keeps its own addresses: the API ({@code /api/**}),
 * its documentation, sign-in and sign-out, the actuator and the fallback. The UI gets neither the
 * browser's cookies (the gateway's session) nor a token: it serves pages, and the pages call the
 * API through the gateway with the session. The pages' content policy is the gateway's ({@code
 * WEB_UI_CONTENT_SECURITY_POLICY}), whatever the UI's server sends. Pages need a signed-in browser
 * like everything else here; one that is not is sent to sign in and brought back to the page it
 * asked for. Without {@code WEB_UI_URI} there is no such route and {@code /} leads to the API
 * documentation ({@link HomeController}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${infointerview.gateway.web-ui.uri:}' != ''")
class WebUiRoute {

  static final String ID = "web-ui";

  private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

  /** The addresses the gateway answers itself, never sent to the UI. */
  private static final List<PathPattern> GATEWAY_PATHS =
      Stream.of(
              "/api/**",
              "/docs/**",
              "/swagger-ui/**",
              "/v3/api-docs/**",
              "/v3/api-docs.yaml",
              "/oauth2/**",
              "/login/**",
              "/logout/**",
              "/actuator/**",
              "/livez",
              "/readyz",
              "/fallback/**",
              "/error/**")
          .map(PathPatternParser.defaultInstance::parse)
          .toList();

  /**
   * The UI's addresses open without sign-in: the answer page the request mail links to (the token
   * in its fragment is the credential, checked by the API it calls) and the files every page loads.
   * No other page: they all need a signed-in browser.
   */
  static final String[] OPEN_PAGES = {"/answer", "/ui/**", "/webjars/**", "/favicon.ico"};

  /** Requests the UI answers: pages and their files, at any address the gateway leaves free. */
  static final RequestMatcher PAGES = WebUiRoute::isPage;

  @Bean
  RouterFunction<ServerResponse> webUi(GatewayProperties gateway) {
    RequestPredicate pages = request -> isPage(request.servletRequest());
    return route(ID)
        .route(pages, http())
        .before(uri(URI.create(gateway.webUi().uri())))
        .before(removeRequestHeader(HttpHeaders.COOKIE))
        .before(removeRequestHeader(HttpHeaders.AUTHORIZATION))
        // The gateway's page policy (SecurityHeaders) is the one the browser gets.
        .after(removeResponseHeader(CONTENT_SECURITY_POLICY))
        .filter(
            retry(
                config ->
                    config
                        .setRetries(2)
                        .setMethods(Set.of(HttpMethod.GET, HttpMethod.HEAD))
                        .setSeries(Set.of(HttpStatus.Series.SERVER_ERROR))
                        .setExceptions(Set.of(RetryException.class, ConnectException.class))))
        .filter(circuitBreaker(ID, URI.create("forward:/fallback/" + ID)))
        .build();
  }

  /**
   * The content policy of the UI's pages: the one configured, or by default only the page's own
   * origin for scripts (and the inline scripts whose hashes are configured: the import map),
   * styles, fonts, images (and {@code data:} images) and API calls, no plug-ins, no framing, and
   * forms posted to the gateway, whose sign-out form leads on to the identity provider's
   * end-session page (browsers apply {@code form-action} to that redirect too).
   */
  static String contentSecurityPolicy(GatewayProperties.WebUi webUi, SignInProperties signIn) {
    if (!webUi.contentSecurityPolicy().isBlank()) {
      return webUi.contentSecurityPolicy();
    }
    URI endSession = URI.create(signIn.endSessionUri());
    String provider =
        endSession.getScheme()
            + "://"
            + endSession.getHost()
            + (endSession.getPort() == -1 ? "" : ":" + endSession.getPort());
    String scripts =
        webUi.scriptHashes().isBlank()
            ? ""
            : " script-src 'self' " + webUi.scriptHashes().strip() + ";";
    return "default-src 'self';"
        + scripts
        + " img-src 'self' data:; object-src 'none'; frame-ancestors 'none';"
        + " base-uri 'self'; form-action 'self' "
        + provider;
  }

  static boolean isPage(HttpServletRequest request) {
    String method = request.getMethod();
    if (!HttpMethod.GET.matches(method) && !HttpMethod.HEAD.matches(method)) {
      return false;
    }
    PathContainer path =
        RequestPath.parse(request.getRequestURI(), request.getContextPath())
            .pathWithinApplication();
    for (PathPattern own : GATEWAY_PATHS) {
      if (own.matches(path)) {
        return false;
      }
    }
    return true;
  }
}
