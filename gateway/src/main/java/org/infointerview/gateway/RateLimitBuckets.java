package org.infointerview.gateway;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Where the callers' token buckets live: in this instance's memory ({@link LocalRateLimitBuckets})
 * or in Redis, shared by every gateway instance ({@link RedisRateLimitBuckets}).
 */
interface RateLimitBuckets extends AutoCloseable {

  /** Takes one token from the caller's bucket, made with the configuration on first use. */
  ConsumptionProbe tryConsume(String caller, BucketConfiguration configuration);

  @Override
  default void close() {}
}
