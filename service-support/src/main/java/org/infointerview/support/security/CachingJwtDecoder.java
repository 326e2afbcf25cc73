package org.infointerview.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens it has fully validated, so a client sending the same token again is not put
 * through the RSA signature check each time (the largest cost of a request through the gateway).
 * The key is the whole token, signature included, so only the identical token hits; expiry and
 * not-before are checked again on every hit, with the same 60 s clock skew the decoder allows.
 */
public class CachingJwtDecoder implements JwtDecoder {

  private static final Duration SKEW = Duration.ofSeconds(60);

  private final JwtDecoder delegate;
  private final Clock clock;
  private final Cache<String, Jwt> validated;

  public CachingJwtDecoder(JwtDecoder delegate, Clock clock, int maximumSize, Duration keepFor) {
    this.delegate = delegate;
    this.clock = clock;
    this.validated =
        Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(keepFor).build();
  }

  /** Whether this exact token passed every check before and has not expired since. */
  public boolean knows(String token) {
    Jwt known = validated.getIfPresent(token);
    return known != null
        && (known.getExpiresAt() == null
            || !clock.instant().minus(SKEW).isAfter(known.getExpiresAt()));
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Jwt known = validated.getIfPresent(token);
    if (known != null) {
      Instant now = clock.instant();
      if (known.getExpiresAt() != null && now.minus(SKEW).isAfter(known.getExpiresAt())) {
        validated.invalidate(token);
        throw new BadJwtException("Jwt expired at " + known.getExpiresAt());
      }
      if (known.getNotBefore() == null || !now.plus(SKEW).isBefore(known.getNotBefore())) {
        return known;
      }
    }
    Jwt jwt = delegate.decode(token);
    validated.put(token, jwt);
    return jwt;
  }
}
