package org.infointerview.messaging.consumer;

import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.infointerview.events.EventType;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * The trace of one record of a batch: a batch listener hears a topic's every event without a span
 * and a timer for each (on a topic an import fills, those were a consumer's most work), and runs
 * the few it acts on here, each in the observation a record listener's would be: its span continues
 * the trace the record's {@code traceparent} header carries, and its log lines carry that trace id.
 */
public final class EventObservations {

  private final ObservationRegistry registry;
  private final UnknownEventTypes unknown;

  public EventObservations(ObservationRegistry registry, UnknownEventTypes unknown) {
    this.registry = registry;
    this.unknown = unknown;
  }

  /**
   * Hands the batch's events of these types to the handler, each in its record's observation, in
   * order; the others are passed over without one (those of types this build does not know counted,
   * as a record listener's are). An unreadable record or a failing handler fails the batch at its
   * record ({@link IncomingEvents#eachRecord}).
   */
  public void each(
      List<ConsumerRecord<String, IncomingEvent>> records,
      String listener,
      Set<EventType> types,
      Consumer<IncomingEvent> handler) {
    IncomingEvents.eachRecord(
        records,
        record -> {
          IncomingEvent event = record.value();
          if (unknown.skipped(record)) {
            return;
          }
          EventType type = EventType.ofToken(event.type()).orElse(null);
          if (type != null && types.contains(type)) {
            observe(record, listener, () -> handler.accept(event));
          }
        });
  }

  /** Runs the effect in the record's observation, named after the listener (its group). */
  public void observe(ConsumerRecord<?, ?> record, String listener, Runnable effect) {
    KafkaListenerObservation.LISTENER_OBSERVATION
        .observation(
            null,
            DefaultKafkaListenerObservationConvention.INSTANCE,
            () -> new KafkaRecordReceiverContext(record, listener, null, listener, () -> null),
            registry)
        .observe(effect);
  }
}
