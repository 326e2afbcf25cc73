package org.infointerview.support.personal;

import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.events.contacts.PersonErased;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Hears {@code PersonErased} in every service (contacts-service, which publishes it, too), in a
 * consumer group of its own, and erases what the service holds about the person, once.
 */
class PersonErasureListener {

  static final String CONSUMER = "person-erasures";

  private final ProcessedEvents processedEvents;
  private final EventReader reader;
  private final PersonErasures erasures;

  PersonErasureListener(
      ProcessedEvents processedEvents, EventReader reader, PersonErasures erasures) {
    this.processedEvents = processedEvents;
    this.reader = reader;
    this.erasures = erasures;
  }

  @KafkaListener(
      topics = Topics.CONTACTS,
      groupId = "${spring.application.name}." + CONSUMER,
      id = "${spring.application.name}." + CONSUMER)
  void on(IncomingEvent event) {
    if (!event.is(EventType.PERSON_ERASED)) {
      return;
    }
    PersonErased erased = reader.data(event, PersonErased.class);
    processedEvents.once(
        CONSUMER,
        event,
        () -> erasures.erase(erased.userId(), erased.version(), erased.reference(), event.time()));
  }
}
