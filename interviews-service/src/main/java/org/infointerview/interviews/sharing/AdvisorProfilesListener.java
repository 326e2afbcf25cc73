package org.infointerview.interviews.sharing;

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
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the advisors students may share with from contacts-service's profiles. Once per event, its
 * own consumer group; only the name and roles are read.
 */
@Component
class AdvisorProfilesListener {

  static final String CONSUMER = "interviews-service.advisors";

  /** What is read of {@code UserProfileProvisioned}. */
  record Profile(String userId, String displayName, List<String> roles, long version) {}

  private final EventObservations observations;
  private final ProcessedEvents processedEvents;
  private final EventReader reader;
  private final Sharing sharing;

  AdvisorProfilesListener(
      ProcessedEvents processedEvents,
      EventReader reader,
      Sharing sharing,
      EventObservations observations) {
    this.observations = observations;
    this.processedEvents = processedEvents;
    this.reader = reader;
    this.sharing = sharing;
  }

  @KafkaListener(
      id = CONSUMER,
      topics = Topics.CONTACTS,
      groupId = "${spring.application.name}.advisors",
      batch = "true",
      properties = Envelopes.TYPES + "=UserProfileProvisioned")
  void on(List<ConsumerRecord<String, IncomingEvent>> records) {
    observations.each(records, CONSUMER, Set.of(EventType.USER_PROFILE_PROVISIONED), this::on);
  }

  /** One event of the types heard, in its record's trace. */
  void on(IncomingEvent event) {
    if (EventType.ofToken(event.type()).orElse(null) != EventType.USER_PROFILE_PROVISIONED) {
      return;
    }
    Profile profile = reader.data(event, Profile.class);
    processedEvents.once(
        CONSUMER,
        event,
        () ->
            sharing.profile(
                profile.userId(), profile.displayName(), profile.roles(), profile.version()));
  }
}
