package org.infointerview.gateway;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis (Bucket4j's compare-and-swap over Lettuce), so every gateway instance counts the
 * same caller once. A bucket's key is a hash of the caller, so Redis holds no subject or address;
 * it expires once the bucket would be full again.
 *
 * <p>When Redis cannot be reached (at start or later), each instance falls back to counting in its
 * own memory and says so in the log (at most every 30 s), and tries Redis again on later requests
 * (connecting at most every 5 s): limits stay on, requests keep flowing, and the shared count
 * resumes when Redis is back.
 */
final class RedisRateLimitBuckets implements RateLimitBuckets {

  static final String KEY_PREFIX = "infointerview:rate-limit:";

  private static final Logger log = LoggerFactory.getLogger(RedisRateLimitBuckets.class);
  private static final long RECONNECT_NANOS = Duration.ofSeconds(5).toNanos();
  private static final long WARNING_NANOS = Duration.ofSeconds(30).toNanos();

  private final RedisClient client;
  private final String where;
  private final Duration timeout;
  private final LocalRateLimitBuckets fallback = new LocalRateLimitBuckets();
  private volatile @Nullable StatefulRedisConnection<byte[], byte[]> connection;
  private volatile @Nullable LettuceBasedProxyManager<byte[]> buckets;
  private volatile long nextConnect = System.nanoTime();
  private volatile long nextWarning = System.nanoTime();

  RedisRateLimitBuckets(String uri, Duration timeout) {
    this.timeout = timeout;
    RedisURI redis = RedisURI.create(uri);
    redis.setTimeout(timeout);
    this.where = redis.getHost() + ":" + redis.getPort();
    this.client = RedisClient.create(redis);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            // While the connection is down, commands fail at once instead of queueing.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
            .build());
    buckets();
  }

  @Override
  public ConsumptionProbe tryConsume(String caller, BucketConfiguration configuration) {
    LettuceBasedProxyManager<byte[]> shared = buckets();
    if (shared != null) {
      try {
        return shared
            .builder()
            .build(key(caller), () -> configuration)
            .tryConsumeAndReturnRemaining(1);
      } catch (RuntimeException e) {
        warn("Redis did not answer", e);
      }
    }
    return fallback.tryConsume(caller, configuration);
  }

  private @Nullable LettuceBasedProxyManager<byte[]> buckets() {
    LettuceBasedProxyManager<byte[]> current = buckets;
    if (current != null || System.nanoTime() < nextConnect) {
      return current;
    }
    synchronized (this) {
      if (buckets == null && System.nanoTime() >= nextConnect) {
        nextConnect = System.nanoTime() + RECONNECT_NANOS;
        try {
          StatefulRedisConnection<byte[], byte[]> connected =
              client.connect(ByteArrayCodec.INSTANCE);
          connection = connected;
          buckets =
              Bucket4jLettuce.casBasedBuilder(connected)
                  .requestTimeout(timeout)
                  .expirationAfterWrite(
                      ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                          Duration.ofSeconds(10)))
                  .build();
          log.info("Rate limits are shared through Redis at {}", where);
        } catch (RuntimeException e) {
          warn("Could not connect to Redis", e);
        }
      }
      return buckets;
    }
  }

  private void warn(String what, RuntimeException e) {
    long now = System.nanoTime();
    if (now >= nextWarning) {
      nextWarning = now + WARNING_NANOS;
      log.warn(
          "{} at {} ({}); this instance counts rate limits on its own until it does",
          what,
          where,
          e.toString());
    }
  }

  static byte[] key(String caller) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(caller.getBytes(StandardCharsets.UTF_8));
      return (KEY_PREFIX + HexFormat.of().formatHex(digest)).getBytes(StandardCharsets.UTF_8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  @Override
  public void close() {
    StatefulRedisConnection<byte[], byte[]> open = connection;
    if (open != null) {
      open.close();
    }
    client.shutdown();
  }
}
