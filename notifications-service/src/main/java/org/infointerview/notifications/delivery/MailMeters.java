package org.infointerview.notifications.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.infointerview.messaging.meters.FreshReading;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Mail for operators, on the management port: {@value #QUEUED}, messages waiting for the mail
 * server (reminders not yet due among them, and messages tried again after a failure); {@value
 * #LATE}, how long past its time the most overdue of them is, or how long the one failing longest
 * has been failing (0 when none: a growing value means mail is stuck; a retry moves a message's due
 * time on, so the due time alone never told a mail server that is away); and {@value #FAILED},
 * messages given up, kept for an admin's look in the delivery log. Read from the queue's and the
 * failures' small collections at most every {@link #FRESH_FOR}. And two counters: {@value #SENT} by
 * kind, and {@value #RETRIED}, tries to be made again.
 */
@Component
class MailMeters {

  static final String QUEUED = "infointerview.mails.queued";
  static final String LATE = "infointerview.mails.late.seconds";
  static final String FAILED = "infointerview.mails.failed";
  static final String SENT = "infointerview.mails.sent";
  static final String RETRIED = "infointerview.mails.retried";

  private static final Duration FRESH_FOR = Duration.ofSeconds(5);

  private final MongoTemplate mongo;
  private final Clock clock;
  private final FreshReading<Mail> mail = new FreshReading<>(FRESH_FOR, this::read);

  private final MeterRegistry registry;
  private final Counter retried;

  /** One counter per kind, looked up once (this is on every mail's path). */
  private final Map<String, Counter> sentByKind = new ConcurrentHashMap<>();

  MailMeters(MongoTemplate mongo, Clock clock, ObjectProvider<MeterRegistry> meters) {
    this.mongo = mongo;
    this.clock = clock;
    this.registry = meters.getIfAvailable(SimpleMeterRegistry::new);
    register(registry);
    this.retried =
        Counter.builder(RETRIED)
            .description("Tries that failed and will be tried again (the mail server away or slow)")
            .register(registry);
  }

  /** A mail the SMTP server took, by its kind (a request, a reminder, an invitation...). */
  void sent(String kind) {
    sentByKind
        .computeIfAbsent(
            kind,
            k ->
                Counter.builder(SENT)
                    .description("Mails the SMTP server took, by kind")
                    .tag("kind", k)
                    .register(registry))
        .increment();
  }

  /** A try that failed and will be made again later. */
  void retrying() {
    retried.increment();
  }

  private void register(MeterRegistry meters) {
    Gauge.builder(QUEUED, mail, m -> m.get().queued())
        .description("Messages waiting for the mail server, reminders not yet due among them")
        .register(meters);
    Gauge.builder(LATE, mail, m -> m.get().lateSeconds())
        .description("How long past its time the most overdue waiting message is")
        .baseUnit("seconds")
        .register(meters);
    Gauge.builder(FAILED, mail, m -> m.get().failed())
        .description("Messages given up, kept for an admin's look in the delivery log")
        .register(meters);
  }

  private record Mail(long queued, long failed, double lateSeconds) {}

  private Mail read() {
    long queued = mongo.getCollection(Deliveries.QUEUE).countDocuments();
    long failed = mongo.getCollection(Deliveries.FAILURES).countDocuments();
    Document earliest =
        queued == 0
            ? null
            : mongo
                .getCollection(Deliveries.QUEUE)
                .find(new Document("dueAt", new Document("$lte", Date.from(clock.instant()))))
                .sort(new Document("dueAt", 1))
                .limit(1)
                .first();
    Document failing =
        queued == 0
            ? null
            : mongo
                .getCollection(Deliveries.QUEUE)
                .find(new Document(Deliveries.FAILING_SINCE, new Document("$exists", true)))
                .sort(new Document(Deliveries.FAILING_SINCE, 1))
                .limit(1)
                .first();
    Date due = earliest == null ? null : earliest.getDate("dueAt");
    Date since = failing == null ? null : failing.getDate(Deliveries.FAILING_SINCE);
    return new Mail(queued, failed, Math.max(secondsSince(due), secondsSince(since)));
  }

  private double secondsSince(@Nullable Date then) {
    return then == null
        ? 0
        : Math.max(0, Duration.between(then.toInstant(), clock.instant()).toMillis() / 1000.0);
  }
}
