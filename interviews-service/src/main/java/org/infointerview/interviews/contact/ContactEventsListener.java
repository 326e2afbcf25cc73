package org.infointerview.interviews.contact;

import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the contact read model from {@code contacts.events}, once per event. */
@Component
class ContactEventsListener {

  static final String CONSUMER = "interviews-service.contacts";
  private static final Logger log = LoggerFactory.getLogger(ContactEventsListener.class);

  private final ProcessedEvents processedEvents;
  private final EventReader reader;
  private final ContactSnapshots snapshots;

  ContactEventsListener(
      ProcessedEvents processedEvents, EventReader reader, ContactSnapshots snapshots) {
    this.processedEvents = processedEvents;
    this.reader = reader;
    this.snapshots = snapshots;
  }

  @KafkaListener(topics = Topics.CONTACTS, groupId = "${spring.application.name}")
  void on(IncomingEvent event) {
    processedEvents.once(CONSUMER, event, () -> apply(event));
  }

  private void apply(IncomingEvent event) {
    switch (event.type()) {
      case "ContactCreated", "ContactUpdated" ->
          snapshots.apply(reader.data(event, ContactFacts.ContactState.class));
      case "ContactConsentChanged" ->
          snapshots.apply(reader.data(event, ContactFacts.ConsentChanged.class));
      case "ContactMerged" ->
          snapshots.remove(reader.data(event, ContactFacts.Merged.class).mergedId());
      case "ContactErased" ->
          snapshots.remove(reader.data(event, ContactFacts.Erased.class).contactId());
      default -> log.debug("Ignoring {} {}", event.type(), event.id());
    }
  }
}
