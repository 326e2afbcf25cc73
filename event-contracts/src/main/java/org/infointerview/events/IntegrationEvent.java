package org.infointerview.events;

/**
 * A fact one service publishes for the others: a record in this module, catalogued in {@link
 * EventType}. Its {@link #subject()} is the id of the aggregate it is about, which is the
 * envelope's subject and the Kafka key, so every fact about one aggregate reaches a consumer in
 * order.
 */
public interface IntegrationEvent {

  /** The id of the aggregate this fact is about: the envelope's subject and the record's key. */
  String subject();
}
