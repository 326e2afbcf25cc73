package org.infointerview.notifications.delivery;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The sending mailbox's rate: at most {@code infointerview.delivery.send-rate} mails per period,
 * across every instance (one Bucket4j bucket per sending address, kept in MongoDB). A mail over it
 * is not sent now and waits the time the bucket names; none is dropped.
 */
@Component
class SendRate {

  private final @Nullable BucketProxy bucket;

  SendRate(MongoTemplate mongo, DeliveryProperties properties) {
    if (properties.sendRate() <= 0) {
      this.bucket = null;
      return;
    }
    BucketConfiguration configuration =
        BucketConfiguration.builder()
            .addLimit(
                limit ->
                    limit
                        .capacity(properties.sendRate())
                        .refillGreedy(properties.sendRate(), properties.ratePeriod()))
            .build();
    this.bucket =
        new MongoBuckets(mongo)
            .builder()
            .build("send-rate|" + properties.fromAddress(), () -> configuration);
  }

  /** Takes a turn to send one mail: zero when it may go now, else how long to wait. */
  Duration turn() {
    if (bucket == null) {
      return Duration.ZERO;
    }
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Duration.ZERO
        : Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1_000_000));
  }
}
