package org.infointerview.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;

/** Buckets in this instance's memory: each gateway instance counts on its own. */
final class LocalRateLimitBuckets implements RateLimitBuckets {

  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(30)).build();

  @Override
  public ConsumptionProbe tryConsume(String caller, BucketConfiguration configuration) {
    return buckets.get(caller, key -> bucket(configuration)).tryConsumeAndReturnRemaining(1);
  }

  private static Bucket bucket(BucketConfiguration configuration) {
    LocalBucketBuilder builder = Bucket.builder();
    for (Bandwidth bandwidth : configuration.getBandwidths()) {
      builder.addLimit(bandwidth);
    }
    return builder.build();
  }
}
