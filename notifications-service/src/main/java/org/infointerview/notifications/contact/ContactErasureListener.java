package org.infointerview.notifications.contact;

import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.Envelopes;
import org.infointerview.messaging.consumer.EventObservations;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.notifications.delivery.Deliveries;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code ContactErased}: nothing more goes to the person, and every message to them here keeps
 * neither their address, name nor words (only that a message of its kind existed); their used
 * unsubscribe links go too. Its own consumer group.
 */
@Component
class ContactErasureListener {

  static final String CONSUMER = "notifications-service.contact-erasures";

  record Erased(String contactId) {}

  private final EventObservations observations;
  private final ProcessedEvents processedEvents;
  private final EventReader reader;
  private final Deliveries deliveries;
  private final Unsubscribes unsubscribes;

  ContactErasureListener(
      ProcessedEvents processedEvents,
      EventReader reader,
      Deliveries deliveries,
      Unsubscribes unsubscribes,
      EventObservations observations) {
    this.observations = observations;
    this.processedEvents = processedEvents;
    this.reader = reader;
    this.deliveries = deliveries;
    this.unsubscribes = unsubscribes;
  }

  @KafkaListener(
      id = CONSUMER,
      topics = Topics.CONTACTS,
      groupId = "${spring.application.name}.contact-erasures",
      batch = "true",
      properties = Envelopes.TYPES + "=ContactErased")
  void on(List<ConsumerRecord<String, IncomingEvent>> records) {
    observations.each(records, CONSUMER, Set.of(EventType.CONTACT_ERASED), this::on);
  }

  /** One event of the types heard, in its record's trace. */
  void on(IncomingEvent event) {
    if (!event.is(EventType.CONTACT_ERASED)) {
      return;
    }
    String contactId = reader.data(event, Erased.class).contactId();
    processedEvents.once(
        CONSUMER,
        event,
        () -> {
          deliveries.forget(contactId);
          unsubscribes.forget(contactId);
        });
  }
}
