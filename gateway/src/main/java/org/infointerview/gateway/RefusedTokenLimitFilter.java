package org.infointerview.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.infointerview.support.problem.ServletProblems;
import org.infointerview.support.security.CachingJwtDecoder;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits, per connecting address, the bearer tokens the gateway refuses, before it checks one: a
 * token that is not a JWT, or one signed by someone else, costs a signature check, and the limit
 * that counts a person's requests runs only once a token has passed. Each 401 takes one from the
 * address's bucket ({@code GATEWAY_RATE_LIMIT_PER_ADDRESS} per period, as for callers without a
 * token, shared through Redis when the buckets are); once it is empty, bearer requests from that
 * address are refused with 429 and {@code Retry-After} without any check, except a token this
 * instance validated before (a person behind the same campus address keeps working).
 */
class RefusedTokenLimitFilter extends OncePerRequestFilter {

  private final RateLimitBuckets buckets;
  private final BucketConfiguration perAddress;
  private final Duration oneToken;
  private final @Nullable CachingJwtDecoder validated;
  private final Clock clock;
  private final Cache<String, Instant> blockedUntil =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();

  RefusedTokenLimitFilter(
      GatewayProperties.RateLimit limits,
      RateLimitBuckets buckets,
      @Nullable CachingJwtDecoder validated,
      Clock clock) {
    this.buckets = buckets;
    this.perAddress =
        BucketConfiguration.builder()
            .addLimit(
                Bandwidth.builder()
                    .capacity(limits.perAnonymousAddress())
                    .refillGreedy(limits.perAnonymousAddress(), limits.period())
                    .build())
            .build();
    this.oneToken = limits.period().dividedBy(Math.max(1, limits.perAnonymousAddress()));
    this.validated = validated;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    Instant until = blockedUntil.getIfPresent(address);
    if (until != null && clock.instant().isBefore(until) && !knownToken(request)) {
      refuse(response, until);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      ConsumptionProbe probe = buckets.tryConsume("refused-token:" + address, perAddress);
      if (probe.getRemainingTokens() == 0) {
        // The last token just taken: the next one comes after one token's share of the period.
        long wait = probe.isConsumed() ? oneToken.toNanos() : probe.getNanosToWaitForRefill();
        blockedUntil.put(address, clock.instant().plusNanos(Math.max(wait, 1)));
      }
    }
  }

  private boolean knownToken(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return validated != null
        && authorization != null
        && authorization.length() > 7
        && validated.knows(authorization.substring(7));
  }

  private void refuse(HttpServletResponse response, Instant until) throws IOException {
    long retryAfter = Math.max(1, Duration.between(clock.instant(), until).toSeconds() + 1);
    response.setHeader("Retry-After", String.valueOf(retryAfter));
    ServletProblems.write(
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        "Too Many Requests",
        "Too many refused tokens from this address; try again in " + retryAfter + " s.",
        null);
  }
}
