package org.infointerview.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.infointerview.events.EventType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * An event on one of the platform's topics whose type this build does not know (a newer producer
 * added one) is skipped before any listener sees it, and counted ({@value #METER}, by topic), so a
 * consumer older than its producer goes on instead of failing or guessing. Records that are not
 * envelopes at all are not this class's business: they fail deserialization and go to the DLT.
 * Topics outside the catalogue pass untouched.
 */
public class UnknownEventTypes implements RecordInterceptor<Object, Object> {

  /** The counter of skipped events. */
  public static final String METER = "infointerview.events.unknown";

  private static final Logger log = LoggerFactory.getLogger(UnknownEventTypes.class);
  private static final Set<String> CATALOGUED_TOPICS =
      Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toSet());

  private final MeterRegistry meters;

  public UnknownEventTypes(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public @Nullable ConsumerRecord<Object, Object> intercept(
      ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    return skipped(record) ? null : record;
  }

  /**
   * Whether the record is an event of a type this build does not know on a catalogued topic: then
   * it is counted and logged, and to be skipped (a batch listener asks this of each record).
   */
  public boolean skipped(ConsumerRecord<?, ?> record) {
    if (record.value() instanceof IncomingEvent event
        && CATALOGUED_TOPICS.contains(record.topic())
        && EventType.ofToken(event.type()).isEmpty()) {
      Counter.builder(METER)
          .description("Events of a type this build does not know, skipped")
          .tag("topic", record.topic())
          .register(meters)
          .increment();
      log.warn(
          "Skipped an event of a type this build does not know on {} (offset {}): {}",
          record.topic(),
          record.offset(),
          printable(event.type()));
      return true;
    }
    return false;
  }

  /** A type token as a log line may show it: short, one line. */
  private static String printable(@Nullable String type) {
    if (type == null) {
      return "(none)";
    }
    String oneLine = type.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
  }
}
