package org.infointerview.messaging.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The events of a batch listener's records. A record that is not an envelope arrives without a
 * value (the {@code ErrorHandlingDeserializer} kept the failure in a header): the events before it
 * are handled, then the batch stops at it, so the error handler commits what went before, sends
 * that record to the dead-letter topic and delivers the rest again.
 */
public final class IncomingEvents {

  /**
   * With {@link #FETCH_WAIT}, in a batch listener's {@code properties}: records in fetches of a
   * quarter megabyte, not the few that arrived since the last one. For a listener on a topic an
   * import fills whose events it mostly passes over (a search index, erasures): the broker's work
   * and the consumer's commits are per fetch, and a lone event still arrives within half a second.
   */
  public static final String FETCH_MANY = "fetch.min.bytes=262144";

  /** How long a fetch waits for {@link #FETCH_MANY}'s bytes at most. */
  public static final String FETCH_WAIT = "fetch.max.wait.ms=500";

  private static final LogAccessor log = new LogAccessor(IncomingEvents.class);

  private IncomingEvents() {}

  /** Hands the readable events before the first unreadable record to the effect, in order. */
  public static void each(
      List<ConsumerRecord<String, IncomingEvent>> records, Consumer<List<IncomingEvent>> effect) {
    List<IncomingEvent> events = new ArrayList<>(records.size());
    for (int index = 0; index < records.size(); index++) {
      ConsumerRecord<String, IncomingEvent> record = records.get(index);
      if (record.value() == null) {
        if (!events.isEmpty()) {
          effect.accept(events);
        }
        throw unreadable(record, index);
      }
      events.add(record.value());
    }
    if (!events.isEmpty()) {
      effect.accept(events);
    }
  }

  /**
   * Hands each readable record to the effect, in order, until the first unreadable one (which then
   * fails the batch as in {@link #each}): for a listener that acts on a record's own (its trace). A
   * record whose effect fails fails the batch at it, as a record listener's would: what went before
   * is committed, it is tried again and, failing still, goes to the dead-letter topic alone.
   */
  public static void eachRecord(
      List<ConsumerRecord<String, IncomingEvent>> records,
      Consumer<ConsumerRecord<String, IncomingEvent>> effect) {
    for (int index = 0; index < records.size(); index++) {
      ConsumerRecord<String, IncomingEvent> record = records.get(index);
      if (record.value() == null) {
        throw unreadable(record, index);
      }
      try {
        effect.accept(record);
      } catch (BatchListenerFailedException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new BatchListenerFailedException(where(record) + " failed", e, index);
      }
    }
  }

  private static BatchListenerFailedException unreadable(
      ConsumerRecord<String, IncomingEvent> record, int index) {
    DeserializationException cause =
        SerializationUtils.getExceptionFromHeader(
            record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
    return new BatchListenerFailedException(
        where(record) + " is not an event envelope", cause, index);
  }

  private static String where(ConsumerRecord<?, ?> record) {
    return "Record " + record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
