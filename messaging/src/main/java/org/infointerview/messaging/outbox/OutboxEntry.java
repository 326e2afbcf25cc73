package org.infointerview.messaging.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event waiting in an aggregate document's {@code outbox} array.
 *
 * @param eventId the envelope's id
 * @param topic where it goes
 * @param key the record key: the aggregate id
 * @param type the logical type token, for logs and queries
 * @param envelope the CloudEvents envelope, serialized once when the change was stored
 * @param occurredAt when the change happened
 * @param traceparent the W3C trace context of the request that stored it, if it was traced
 * @param writer the instance that stored it ({@link Outbox#writer()}); none in entries stored
 *     before instances named themselves
 */
public record OutboxEntry(
    String eventId,
    String topic,
    String key,
    String type,
    String envelope,
    Instant occurredAt,
    @Nullable String traceparent,
    @Nullable String writer) {

  static final String EVENT_ID = "eventId";

  /**
   * Marks an erasure's entries ({@link Changed#erasing}) in the aggregate's outbox: what waited
   * before them was dropped, and nothing written later for before them may come back.
   */
  static final String FORGETS = "forgets";

  static final String TOPIC = "topic";
  static final String KEY = "key";
  static final String TYPE = "type";
  static final String ENVELOPE = "envelope";
  static final String OCCURRED_AT = "occurredAt";
  static final String TRACEPARENT = "traceparent";
  static final String WRITER = "writer";
}
