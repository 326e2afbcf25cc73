package org.infointerview.notifications.recipient;

import java.time.Clock;
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
import org.infointerview.messaging.consumer.ReadModels;
import org.infointerview.support.personal.ErasedPeople;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link Recipient}s from {@code UserProfileProvisioned}, once per event and never letting an
 * older profile version overwrite a newer one.
 */
@Component
class ProfileEventsListener {

  static final String CONSUMER = "notifications-service.profiles";

  /** The subset of the event this service reads. */
  record ProfileFacts(
      String userId,
      String displayName,
      @Nullable String email,
      @Nullable String timeZone,
      long version) {}

  private final EventObservations observations;
  private final ProcessedEvents processedEvents;
  private final ErasedPeople erased;
  private final EventReader reader;
  private final MongoTemplate mongo;
  private final Clock clock;

  ProfileEventsListener(
      ProcessedEvents processedEvents,
      ErasedPeople erased,
      EventReader reader,
      MongoTemplate mongo,
      Clock clock,
      EventObservations observations) {
    this.observations = observations;
    this.processedEvents = processedEvents;
    this.erased = erased;
    this.reader = reader;
    this.mongo = mongo;
    this.clock = clock;
    ReadModels.prepare(mongo, Recipient.COLLECTION, "profileVersion");
  }

  @KafkaListener(
      topics = Topics.CONTACTS,
      groupId = "${spring.application.name}",
      batch = "true",
      properties = Envelopes.TYPES + "=UserProfileProvisioned")
  void on(List<ConsumerRecord<String, IncomingEvent>> records) {
    observations.each(records, CONSUMER, Set.of(EventType.USER_PROFILE_PROVISIONED), this::on);
  }

  /** One event of the types heard, in its record's trace. */
  void on(IncomingEvent event) {
    if (!event.is(EventType.USER_PROFILE_PROVISIONED)) {
      return;
    }
    processedEvents.once(CONSUMER, event, () -> apply(reader.data(event, ProfileFacts.class)));
  }

  private void apply(ProfileFacts profile) {
    if (erased.covers(profile.userId(), profile.version())) {
      return; // a profile of someone erased since, read again
    }
    ReadModels.upsertIfNewer(
        mongo,
        Recipient.COLLECTION,
        profile.userId(),
        "profileVersion",
        profile.version(),
        new Update()
            .set("displayName", profile.displayName())
            .set("email", profile.email())
            .set("timeZone", profile.timeZone())
            .set("updatedAt", clock.instant()));
  }
}
