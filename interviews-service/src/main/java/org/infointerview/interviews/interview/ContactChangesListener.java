package org.infointerview.interviews.interview;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.Envelopes;
import org.infointerview.messaging.consumer.EventObservations;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.messaging.store.StorePages;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What contacts-service's facts mean for interviews: a merge repoints them to the survivor, a
 * withdrawn consent cancels the requests still waiting (a do-not-contact every open one), an
 * erasure forgets whom they were with. Once per event, its own consumer group, its own records.
 */
@Component
class ContactChangesListener {

  static final String CONSUMER = "interviews-service.interviews";
  private static final Logger log = LoggerFactory.getLogger(ContactChangesListener.class);

  /** The facts read here, in this feature's own records. */
  record Merged(String survivorId, String mergedId) {}

  record ConsentChanged(String contactId, Consent consent) {}

  record Consent(boolean optedIn, boolean doNotContact) {}

  record Erased(String contactId) {}

  private final EventObservations observations;
  private final ProcessedEvents processedEvents;
  private final EventReader reader;
  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final Clock clock;

  ContactChangesListener(
      ProcessedEvents processedEvents,
      EventReader reader,
      MongoTemplate mongo,
      AggregateStore store,
      Clock clock,
      EventObservations observations) {
    this.observations = observations;
    this.processedEvents = processedEvents;
    this.reader = reader;
    this.mongo = mongo;
    this.store = store;
    this.clock = clock;
  }

  @KafkaListener(
      id = CONSUMER,
      topics = Topics.CONTACTS,
      groupId = "${spring.application.name}.interviews",
      batch = "true",
      properties = Envelopes.TYPES + "=ContactMerged,ContactConsentChanged,ContactErased")
  void on(List<ConsumerRecord<String, IncomingEvent>> records) {
    observations.each(
        records,
        CONSUMER,
        Set.of(
            EventType.CONTACT_MERGED, EventType.CONTACT_CONSENT_CHANGED, EventType.CONTACT_ERASED),
        this::on);
  }

  /** One event of the types heard, in its record's trace. */
  void on(IncomingEvent event) {
    EventType type = EventType.ofToken(event.type()).orElse(null);
    if (type == null) {
      return;
    }
    switch (type) {
      case CONTACT_MERGED -> {
        Merged merged = reader.data(event, Merged.class);
        processedEvents.once(
            CONSUMER,
            event,
            () ->
                changeAll(
                    merged.mergedId(), i -> i.repointedTo(merged.survivorId(), clock.instant())));
      }
      case CONTACT_CONSENT_CHANGED -> {
        ConsentChanged changed = reader.data(event, ConsentChanged.class);
        Consent consent = changed.consent();
        if (consent.optedIn() && !consent.doNotContact()) {
          return;
        }
        processedEvents.once(
            CONSUMER,
            event,
            () ->
                changeAll(
                    changed.contactId(),
                    i ->
                        i.contact().institutional() || consent.doNotContact()
                            ? i.consentWithdrawn(consent.doNotContact(), clock.instant())
                            : Changed.nothing(i)));
      }
      case CONTACT_ERASED -> {
        Erased erased = reader.data(event, Erased.class);
        processedEvents.once(
            CONSUMER,
            event,
            () -> changeAll(erased.contactId(), i -> i.contactErased(clock.instant())));
      }
      default -> {}
    }
  }

  /** Every interview with the person, a page at a time; one lost to a race is read again. */
  private void changeAll(String contactId, Function<Interview, Changed<Interview>> decision) {
    try (Stream<Interview> interviews =
        StorePages.stream(
            mongo,
            Query.query(Criteria.where("contact.contactId").is(contactId)),
            Interview.class)) {
      interviews.forEach(interview -> change(interview, decision));
    }
  }

  private void change(Interview interview, Function<Interview, Changed<Interview>> decision) {
    @Nullable Interview current = interview;
    for (int attempt = 0; attempt < 3 && current != null; attempt++) {
      try {
        store.update(decision.apply(current));
        return;
      } catch (OptimisticLockingFailureException raced) {
        current = mongo.findById(interview.id(), Interview.class);
      }
    }
    log.warn("Interview {} could not follow its contact's change", interview.id());
  }
}
