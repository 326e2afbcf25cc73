package org.infointerview.support.deadletter;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event this service's consumers gave up on, as an admin sees it: where it waits, where it came
 * from, which consumer failed and why. The event's data is not shown (it may be personal); its id
 * and type are.
 *
 * @param id where it waits: {@code <dead-letter topic>:<partition>:<offset>}, what a re-drive names
 * @param deadLetteredAt when it was given up on
 * @param topic the topic it came from
 * @param partition its partition there
 * @param offset its offset there
 * @param consumerGroup the consumer group that failed on it
 * @param key the record key (the aggregate id)
 * @param eventId the event's id, if the record was an event envelope
 * @param eventType the event's type token, if known
 * @param error the exception's class name, as the consumer recorded it
 * @param message the exception's message, with email addresses and tokens redacted
 * @param redrivenAt when an admin re-drove it, if one did
 */
public record DeadLetter(
    String id,
    Instant deadLetteredAt,
    String topic,
    int partition,
    long offset,
    String consumerGroup,
    @Nullable String key,
    @Nullable String eventId,
    @Nullable String eventType,
    @Nullable String error,
    @Nullable String message,
    @Nullable Instant redrivenAt) {

  /** The same dead letter, re-driven then (or not, for null). */
  DeadLetter redriven(@Nullable Instant at) {
    return new DeadLetter(
        id,
        deadLetteredAt,
        topic,
        partition,
        offset,
        consumerGroup,
        key,
        eventId,
        eventType,
        error,
        message,
        at);
  }
}
