package org.infointerview.messaging.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.infointerview.messaging.meters.FreshReading;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The outbox's backlog for operators: {@value #PENDING}, the documents of this service whose events
 * wait to be published, and {@value #OLDEST}, how long the oldest of them has waited (0 when none).
 * A backlog that grows, or an age past a few seconds, means the relay or the broker is stuck. Both
 * come from one read of the hints, made at most every {@link #FRESH_FOR} however often they are
 * scraped.
 */
final class OutboxMeters {

  static final String PENDING = "infointerview.outbox.pending";
  static final String OLDEST = "infointerview.outbox.oldest.seconds";

  private static final Duration FRESH_FOR = Duration.ofSeconds(5);

  private final MongoTemplate mongo;
  private final List<String> collections;
  private final Clock clock;
  private final FreshReading<Backlog> backlog = new FreshReading<>(FRESH_FOR, this::read);

  /**
   * @param clock the system's, as the hints' times are
   */
  OutboxMeters(MongoTemplate mongo, List<String> collections, Clock clock) {
    this.mongo = mongo;
    this.collections = List.copyOf(collections);
    this.clock = clock;
  }

  void register(MeterRegistry meters) {
    Gauge.builder(PENDING, backlog, b -> b.get().pending())
        .description("Documents whose events wait in the outbox to be published")
        .register(meters);
    Gauge.builder(OLDEST, backlog, b -> b.get().oldestSeconds())
        .description("How long the oldest event waiting in the outbox has waited")
        .baseUnit("seconds")
        .register(meters);
  }

  private record Backlog(long pending, double oldestSeconds) {}

  private Backlog read() {
    Instant now = clock.instant();
    Document mine = new Document("c", new Document("$in", collections));
    long pending = mongo.getCollection(OutboxHints.COLLECTION).countDocuments(mine);
    Document oldest =
        pending == 0
            ? null
            : mongo
                .getCollection(OutboxHints.COLLECTION)
                .find(mine)
                .sort(new Document("at", 1))
                .limit(1)
                .first();
    Date at = oldest == null ? null : oldest.getDate("at");
    return new Backlog(
        pending,
        at == null ? 0 : Math.max(0, Duration.between(at.toInstant(), now).toMillis() / 1000.0));
  }
}
