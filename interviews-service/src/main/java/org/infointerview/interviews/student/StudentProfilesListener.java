package org.infointerview.interviews.student;

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
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps students' studies from contacts-service's profiles: once per event, its own consumer group;
 * only the roles and the studies are read.
 */
@Component
class StudentProfilesListener {

  static final String CONSUMER = "interviews-service.students";

  /** What is read of {@code UserProfileProvisioned}. */
  record Profile(
      String userId,
      List<String> roles,
      long version,
      @Nullable Integer classYear,
      @Nullable String major,
      @Nullable String program) {}

  private final EventObservations observations;
  private final ProcessedEvents processedEvents;
  private final EventReader reader;
  private final Students students;

  StudentProfilesListener(
      ProcessedEvents processedEvents,
      EventReader reader,
      Students students,
      EventObservations observations) {
    this.observations = observations;
    this.processedEvents = processedEvents;
    this.reader = reader;
    this.students = students;
  }

  @KafkaListener(
      id = CONSUMER,
      topics = Topics.CONTACTS,
      groupId = "${spring.application.name}.students",
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
    Profile profile = reader.data(event, Profile.class);
    processedEvents.once(CONSUMER, event, () -> students.profile(profile));
  }
}
