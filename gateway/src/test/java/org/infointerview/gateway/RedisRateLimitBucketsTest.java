package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisRateLimitBucketsTest {

  private static final BucketConfiguration THREE_AN_HOUR =
      BucketConfiguration.builder()
          .addLimit(Bandwidth.builder().capacity(3).refillGreedy(3, Duration.ofHours(1)).build())
          .build();

  @Test
  void aRedisThatIsNotThereAtStartStillLeavesTheLimitsOn() throws IOException {
    int nobodyListens;
    try (ServerSocket socket = new ServerSocket(0)) {
      nobodyListens = socket.getLocalPort();
    }

    try (RedisRateLimitBuckets buckets =
        new RedisRateLimitBuckets("redis://127.0.0.1:" + nobodyListens, Duration.ofMillis(200))) {
      for (int i = 0; i < 3; i++) {
        assertThat(buckets.tryConsume("user:a", THREE_AN_HOUR).isConsumed()).isTrue();
      }

      assertThat(buckets.tryConsume("user:a", THREE_AN_HOUR).isConsumed()).isFalse();
      assertThat(buckets.tryConsume("user:b", THREE_AN_HOUR).isConsumed()).isTrue();
    }
  }

  @Test
  void keysAreHashesUnderOnePrefix() {
    String key = new String(RedisRateLimitBuckets.key("user:https://idp|s-1029"));

    assertThat(key).startsWith(RedisRateLimitBuckets.KEY_PREFIX).doesNotContain("s-1029");
    assertThat(key).isEqualTo(new String(RedisRateLimitBuckets.key("user:https://idp|s-1029")));
  }
}
