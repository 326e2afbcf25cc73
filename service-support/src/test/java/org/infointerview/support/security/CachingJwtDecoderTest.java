package org.infointerview.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

  private static final Instant ISSUED = Instant.parse("2026-11-29T10:00:00Z");

  private final AtomicInteger validations = new AtomicInteger();
  private final JwtDecoder validating =
      token -> {
        validations.incrementAndGet();
        if (token.endsWith("forged")) {
          throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
            .header("alg", "RS256")
            .subject("s-1")
            .issuedAt(ISSUED)
            .notBefore(ISSUED)
            .expiresAt(ISSUED.plusSeconds(300))
            .build();
      };

  @Test
  void theSameTokenIsValidatedOnceWhileItIsValid() {
    CachingJwtDecoder decoder = decoderAt(ISSUED.plusSeconds(10));

    decoder.decode("header.payload.signature");
    decoder.decode("header.payload.signature");

    assertThat(validations).hasValue(1);
  }

  @Test
  void anyOtherTokenStringIsValidatedInFull() {
    CachingJwtDecoder decoder = decoderAt(ISSUED.plusSeconds(10));
    decoder.decode("header.payload.signature");

    assertThatThrownBy(() -> decoder.decode("header.payload.forged"))
        .isInstanceOf(BadJwtException.class);
    assertThat(validations).hasValue(2);
  }

  @Test
  void aRememberedTokenIsRefusedOnceItHasExpired() {
    MutableClock clock = new MutableClock(ISSUED.plusSeconds(10));
    CachingJwtDecoder decoder =
        new CachingJwtDecoder(validating, clock, 100, Duration.ofMinutes(10));
    decoder.decode("header.payload.signature");

    clock.now = ISSUED.plusSeconds(300 + 61);

    assertThatThrownBy(() -> decoder.decode("header.payload.signature"))
        .isInstanceOf(BadJwtException.class)
        .hasMessageContaining("expired");
  }

  private CachingJwtDecoder decoderAt(Instant now) {
    return new CachingJwtDecoder(validating, new MutableClock(now), 100, Duration.ofMinutes(10));
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
