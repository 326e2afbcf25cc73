package org.infointerview.events;

import java.time.Instant;

/**
 * The wire format of every event, using the CloudEvents 1.0 attribute names (structured JSON mode).
 * {@code schemaversion} is a CloudEvents extension attribute: it grows when a payload gains fields;
 * a breaking change is a new event type instead.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id unique event id; consumers deduplicate by it
 * @param source the producing service, for example {@code /contacts-service}
 * @param type the logical type token, for example {@code ContactCreated}; never a class name
 * @param subject the aggregate id; also the Kafka record key
 * @param time when the fact occurred
 * @param datacontenttype always {@value #CONTENT_TYPE}
 * @param schemaversion the version of the payload schema for this type
 * @param data the payload
 * @param <T> the payload type
 */
public record EventEnvelope<T>(
    String specversion,
    String id,
    String source,
    String type,
    String subject,
    Instant time,
    String datacontenttype,
    int schemaversion,
    T data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String CONTENT_TYPE = "application/json";

  /** An envelope for a new fact of the given catalogued type. */
  public static <T> EventEnvelope<T> of(
      String id, String source, EventType type, String subject, Instant time, T data) {
    if (!type.dataClass().isInstance(data)) {
      throw new IllegalArgumentException(
          type.token() + " carries " + type.dataClass().getSimpleName() + ", not " + data);
    }
    return new EventEnvelope<>(
        SPEC_VERSION,
        id,
        source,
        type.token(),
        subject,
        time,
        CONTENT_TYPE,
        type.schemaVersion(),
        data);
  }
}
