package org.infointerview.gateway;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.infointerview.support.problem.ServletProblems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per caller (Bucket4j): per person when the request carries a valid token, per
 * address otherwise; the answer links of request mails, open without sign-in, per address always
 * and tighter; a person's exports of their whole data by the hour. The key never comes from a
 * header the client controls: the person from the validated token, the address from the connection
 * (forwarding headers are stripped unless a trusted proxy sent them). Over the limit: 429 with
 * {@code Retry-After}. Where the buckets live (this instance's memory, or Redis shared by every
 * instance) is {@link RateLimitBuckets}' choice.
 */
class RateLimitFilter extends OncePerRequestFilter {

  /** A person's whole data: every service asked and an archive made, counted apart. */
  static final RequestMatcher EXPORTS =
      PathPatternRequestMatcher.withDefaults().matcher("/api/me/export");

  private final RateLimitBuckets buckets;
  private final BucketConfiguration perUser;
  private final BucketConfiguration perAddress;
  private final BucketConfiguration answersPerAddress;
  private final BucketConfiguration exportsPerUser;

  RateLimitFilter(GatewayProperties.RateLimit limits, RateLimitBuckets buckets) {
    this.buckets = buckets;
    this.perUser = configuration(limits.perUser(), limits.period());
    this.perAddress = configuration(limits.perAnonymousAddress(), limits.period());
    this.answersPerAddress = configuration(limits.answersPerAddress(), limits.period());
    this.exportsPerUser = configuration(limits.exportsPerUser(), limits.exportsPeriod());
  }

  private static BucketConfiguration configuration(long capacity, Duration period) {
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
        .build();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String person = person();
    ConsumptionProbe probe =
        GatewaySecurityConfiguration.MAIL_LINKS.matches(request)
            ? buckets.tryConsume("answers:" + request.getRemoteAddr(), answersPerAddress)
            : person != null && EXPORTS.matches(request)
                ? buckets.tryConsume("export:" + person, exportsPerUser)
                : person != null
                    ? buckets.tryConsume("user:" + person, perUser)
                    : buckets.tryConsume("address:" + request.getRemoteAddr(), perAddress);
    if (probe.isConsumed()) {
      response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
      chain.doFilter(request, response);
      return;
    }
    long retryAfter =
        Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    response.setHeader("Retry-After", String.valueOf(retryAfter));
    ServletProblems.write(
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        "Too Many Requests",
        "Too many requests; try again in " + retryAfter + " s.",
        null);
  }

  /**
   * The person behind the request: an API client's validated token, or a browser's signed-in
   * session (students on a campus network often share one address, so a session never counts by
   * address).
   */
  private static @Nullable String person() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
      // The issuer as the token states it (getIssuer() would build a URL on every request).
      return token.getToken().getClaimAsString("iss") + "|" + token.getToken().getSubject();
    }
    if (authentication instanceof OAuth2AuthenticationToken session
        && session.getPrincipal() instanceof OidcUser user) {
      return user.getIssuer() + "|" + user.getSubject();
    }
    return null;
  }
}
