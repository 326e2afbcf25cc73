package org.infointerview.messaging.outbox;

import java.time.Clock;
import java.util.UUID;
import org.infointerview.events.EventEnvelope;
import org.infointerview.events.EventType;
import org.infointerview.events.IntegrationEvent;
import tools.jackson.databind.json.JsonMapper;

/** Turns event payloads into outbox entries: envelope, id, time and key, serialized once. */
public class Outbox {

  private final String source;
  private final JsonMapper jsonMapper;
  private final Clock clock;
  private final TraceContexts traces;
  private final String writer = UUID.randomUUID().toString();

  public Outbox(String source, JsonMapper jsonMapper, Clock clock) {
    this(source, jsonMapper, clock, TraceContexts.NONE);
  }

  /** An outbox whose entries keep the trace context they were made in. */
  public Outbox(String source, JsonMapper jsonMapper, Clock clock, TraceContexts traces) {
    this.source = source;
    this.jsonMapper = jsonMapper;
    this.clock = clock;
    this.traces = traces;
  }

  /**
   * This running instance's token, new at each start, in every entry it makes: the relay (whichever
   * instance's) puts it in the record's {@link org.infointerview.events.EventHeaders#WRITER}
   * header, and a consumer of this instance that applied its own writes already passes those events
   * over unread ({@link org.infointerview.messaging.consumer.Envelopes#OWN}).
   */
  public String writer() {
    return writer;
  }

  /** An entry for a catalogued event, keyed by its subject. */
  public OutboxEntry entry(IntegrationEvent event) {
    EventType type = EventType.of(event.getClass());
    return entry(type.topic(), type.token(), type.schemaVersion(), event.subject(), event);
  }

  /** An entry for any event; catalogued events go through {@link #entry(IntegrationEvent)}. */
  public OutboxEntry entry(
      String topic, String type, int schemaVersion, String aggregateId, Object payload) {
    String id = UUID.randomUUID().toString();
    var now = clock.instant();
    var envelope =
        new EventEnvelope<>(
            EventEnvelope.SPEC_VERSION,
            id,
            source,
            type,
            aggregateId,
            now,
            EventEnvelope.CONTENT_TYPE,
            schemaVersion,
            payload);
    return new OutboxEntry(
        id,
        topic,
        aggregateId,
        type,
        jsonMapper.writeValueAsString(envelope),
        now,
        traces.current(),
        writer);
  }
}
