package org.infointerview.support.personal;

import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.events.contacts.PersonErased;
import org.infointerview.messaging.consumer.Envelopes;
import org.infointerview.messaging.consumer.EventObservations;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.IncomingEvents;
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

  private final EventObservations observations;

  PersonErasureListener(
      ProcessedEvents processedEvents,
      EventReader reader,
      PersonErasures erasures,
      EventObservations observations) {
    this.observations = observations;
    this.processedEvents = processedEvents;
    this.reader = reader;
    this.erasures = erasures;
  }

  /**
   * In batches: the topic carries every contact's every change (an import's hundreds of thousands),
   * and a record listener's span and timer for each were most of this consumer's work. An erasure
   * runs in its record's own trace.
   */
  @KafkaListener(
      topics = Topics.CONTACTS,
      groupId = "${spring.application.name}." + CONSUMER,
      id = "${spring.application.name}." + CONSUMER,
      batch = "true",
      properties = {
        Envelopes.TYPES + "=PersonErased",
        IncomingEvents.FETCH_MANY,
        IncomingEvents.FETCH_WAIT
      })
  void on(List<ConsumerRecord<String, IncomingEvent>> records) {
    observations.each(records, CONSUMER, Set.of(EventType.PERSON_ERASED), this::erase);
  }

  private void erase(IncomingEvent event) {
    PersonErased erased = reader.data(event, PersonErased.class);
    processedEvents.once(
        CONSUMER,
        event,
        () -> erasures.erase(erased.userId(), erased.version(), erased.reference(), event.time()));
  }
}
