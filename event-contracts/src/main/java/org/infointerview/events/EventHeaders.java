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

  private EventHeaders() {}
}
