package org.infointerview.interviews.contact;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.IncomingEvents;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.messaging.consumer.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the contact read model from {@code contacts.events}, once per event, a batch of records at
 * a time: an alumni import publishes a ContactCreated per row, and one store round trip per event
 * would cost the shared store more than the import itself.
 */
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

  @KafkaListener(topics = Topics.CONTACTS, groupId = "${spring.application.name}", batch = "true")
  void on(List<ConsumerRecord<String, IncomingEvent>> records) {
    IncomingEvents.each(records, events -> processedEvents.onceEach(CONSUMER, events, this::apply));
  }

  /** In order: the writes gathered so far go out before a removal, so it is never undone. */
  private void apply(List<IncomingEvent> events) {
    List<ReadModels.VersionedWrite> writes = new ArrayList<>();
    for (IncomingEvent event : events) {
      EventType type = EventType.ofToken(event.type()).orElse(null);
      if (type == null) {
        log.debug("Ignoring {} {}", event.type(), event.id());
        continue;
      }
      switch (type) {
        case CONTACT_CREATED, CONTACT_UPDATED ->
            writes.add(snapshots.write(reader.data(event, ContactFacts.ContactState.class)));
        case CONTACT_CONSENT_CHANGED ->
            writes.add(snapshots.write(reader.data(event, ContactFacts.ConsentChanged.class)));
        case CONTACT_MERGED -> {
          snapshots.applyAll(writes);
          writes.clear();
          snapshots.remove(reader.data(event, ContactFacts.Merged.class).mergedId());
        }
        case CONTACT_ERASED -> {
          snapshots.applyAll(writes);
          writes.clear();
          snapshots.remove(reader.data(event, ContactFacts.Erased.class).contactId());
        }
        default -> log.debug("Ignoring {} {}", event.type(), event.id());
      }
    }
    snapshots.applyAll(writes);
  }
}
