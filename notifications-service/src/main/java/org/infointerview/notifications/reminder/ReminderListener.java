package org.infointerview.notifications.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.support.personal.ErasedPeople;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads what is due for each interview, once per event, in its own consumer group. */
@Component
class ReminderListener {

  static final String CONSUMER = "notifications-service.reminders";

  /** The facts read here, in this feature's own records. */
  record DueDates(
      String interviewId,
      String studentId,
      String contactId,
      String contactDisplayName,
      @Nullable Instant meetingStartsAt,
      @Nullable Instant followUpDueAt,
      @Nullable Instant thankYouDueAt,
      @Nullable Instant keepInTouchDueAt,
      List<ActionItem> actionItemsDue,
      long version) {}

  record ActionItem(String text, LocalDate dueOn) {}

  private final ProcessedEvents processedEvents;
  private final ErasedPeople erased;
  private final EventReader reader;
  private final Reminders reminders;

  ReminderListener(
      ProcessedEvents processedEvents,
      ErasedPeople erased,
      EventReader reader,
      Reminders reminders) {
    this.processedEvents = processedEvents;
    this.erased = erased;
    this.reader = reader;
    this.reminders = reminders;
  }

  @KafkaListener(
      id = CONSUMER,
      topics = Topics.INTERVIEWS,
      groupId = "${spring.application.name}.reminders",
      concurrency = "${infointerview.delivery.consumers}")
  void on(IncomingEvent event) {
    // the type first: most events on the topic are not this consumer's, and cost no store read
    if (!event.is(EventType.INTERVIEW_DUE_DATES_CHANGED) || erased.coversStudentOf(event)) {
      return; // (or about a student erased since, read again: it brings nothing back)
    }
    DueDates due = reader.data(event, DueDates.class);
    processedEvents.once(CONSUMER, event, () -> reminders.plan(due));
  }
}
