package org.infointerview.support.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Map;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The response headers of every InfoInterview endpoint: a strict content security policy that also
 * forbids framing, HSTS (sent on every response; browsers honour it only over HTTPS, which
 * TLS-terminating proxies provide), no MIME sniffing, no referrer.
 */
public final class SecurityHeaders {

  /** The policy for API responses; a web UI's pages have their own. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  /** The API documentation pages (Swagger UI) load their own scripts, styles and images. */
  public static final String DOCUMENTATION_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  /** Paths that serve the API documentation pages. */
  public static final String[] DOCUMENTATION_PATHS = {"/docs", "/docs/**", "/swagger-ui/**"};

  private static final String CONTENT_SECURITY_POLICY_HEADER = "Content-Security-Policy";

  private SecurityHeaders() {}

  /**
   * The headers {@link #apply} writes on an API answer, for an answer written before Spring
   * Security's header writers run (a filter ahead of them); a header already set is kept.
   */
  public static void writeApiHeaders(HttpServletResponse response) {
    API_HEADERS.forEach((name, value) -> setIfAbsent(response, name, value));
  }

  /** The headers of an API answer, by name, for answers written outside the servlet API. */
  public static final Map<String, String> API_HEADERS =
      Map.of(
          CONTENT_SECURITY_POLICY_HEADER,
          CONTENT_SECURITY_POLICY,
          "Strict-Transport-Security",
          "max-age=31536000 ; includeSubDomains",
          "X-Content-Type-Options",
          "nosniff",
          "X-Frame-Options",
          "DENY",
          "Referrer-Policy",
          "no-referrer");

  private static void setIfAbsent(HttpServletResponse response, String name, String value) {
    if (!response.containsHeader(name)) {
      response.setHeader(name, value);
    }
  }

  public static void apply(HeadersConfigurer<?> headers) {
    apply(headers, request -> false, CONTENT_SECURITY_POLICY);
  }

  /**
   * The same headers, with the requests {@code pages} matches (a web UI's pages and files) under
   * {@code pagePolicy}. A response that already names its own policy keeps it.
   */
  public static void apply(HeadersConfigurer<?> headers, RequestMatcher pages, String pagePolicy) {
    RequestMatcher documentation =
        new OrRequestMatcher(
            Arrays.stream(DOCUMENTATION_PATHS)
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(p))
                .toList());
    // One policy per response, chosen by one pass over the matchers.
    headers
        .addHeaderWriter(
            (request, response) -> {
              if (!response.containsHeader(CONTENT_SECURITY_POLICY_HEADER)) {
                response.setHeader(
                    CONTENT_SECURITY_POLICY_HEADER,
                    documentation.matches(request)
                        ? DOCUMENTATION_POLICY
                        : pages.matches(request) ? pagePolicy : CONTENT_SECURITY_POLICY);
              }
            })
        .httpStrictTransportSecurity(
            hsts ->
                hsts.includeSubDomains(true)
                    .maxAgeInSeconds(31_536_000)
                    .requestMatcher(AnyRequestMatcher.INSTANCE))
        .contentTypeOptions(Customizer.withDefaults())
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
  }
}
