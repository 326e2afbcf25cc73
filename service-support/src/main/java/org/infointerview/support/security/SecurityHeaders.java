package org.infointerview.support.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The response headers of every InfoInterview endpoint: a strict content security policy that also
 * forbids framing, HSTS (sent on every response; browsers honour it only over HTTPS, which
 * TLS-terminating proxies provide), no MIME sniffing, no referrer.
 */
public final class SecurityHeaders {

  /** The policy for API responses; the web UI will set its own. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private SecurityHeaders() {}

  public static void apply(HeadersConfigurer<?> headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
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
