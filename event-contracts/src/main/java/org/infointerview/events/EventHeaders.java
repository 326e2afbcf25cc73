package org.infointerview.events;

/**
 * The Kafka record headers every event carries beside its envelope (CloudEvents' Kafka binding):
 * the outbox relay sets them, consumers read the type before the payload, the dead-letter list
 * shows them.
 */
public final class EventHeaders {

  /** The envelope's type token ({@link EventType#token()}). */
  public static final String TYPE = "ce_type";

  /** The envelope's event id. */
  public static final String ID = "ce_id";

  /**
   * Which running instance stored the event (an opaque token, new at each start; not a CloudEvents
   * attribute): an instance that already applied its own write can pass its event over unread.
   */
  public static final String WRITER = "ii_writer";

  private EventHeaders() {}
}
