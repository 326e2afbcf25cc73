package org.infointerview.notifications.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.messaging.consumer.ReadModels;
import org.infointerview.support.personal.ErasedPeople;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The agreed times a calendar feed shows, kept from InterviewScheduled, InterviewRescheduled and
 * InterviewCancelled (the interview's version decides: an older fact changes nothing). Its own
 * consumer group.
 */
@Component
class CalendarEntries {

  static final String CONSUMER = "notifications-service.calendar";
  static final String COLLECTION = "calendar_entries";

  /** The most entries a feed shows, and how far back. */
  static final int MOST = 500;

  static final Duration BACK = Duration.ofDays(90);

  /** One interview's agreed time as the feed shows it. */
  record Entry(
      String id,
      String studentId,
      @Nullable String contactId,
      String contactDisplayName,
      Instant start,
      int durationMinutes,
      @Nullable String mode,
      @Nullable String where,
      int sequence,
      boolean cancelled) {}

  record Scheduled(
      String interviewId,
      String studentId,
      String contactId,
      String contactDisplayName,
      Instant start,
      int durationMinutes,
      @Nullable String mode,
      @Nullable String where,
      int sequence,
      long version) {}

  record Cancelled(
      String interviewId,
      String studentId,
      String contactId,
      String contactDisplayName,
      boolean wasScheduled,
      @Nullable Instant start,
      int sequence,
      long version) {}

  private final ProcessedEvents processedEvents;
  private final ErasedPeople erased;
  private final EventReader reader;
  private final MongoTemplate mongo;
  private final Clock clock;

  CalendarEntries(
      ProcessedEvents processedEvents,
      ErasedPeople erased,
      EventReader reader,
      MongoTemplate mongo,
      Clock clock) {
    this.processedEvents = processedEvents;
    this.erased = erased;
    this.reader = reader;
    this.mongo = mongo;
    this.clock = clock;
    ReadModels.prepare(mongo, COLLECTION, "version");
  }

  @KafkaListener(
      id = CONSUMER,
      topics = Topics.INTERVIEWS,
      groupId = "${spring.application.name}.calendar")
  void on(IncomingEvent event) {
    // the type first: most events on the topic are not this consumer's, and cost no store read
    if (!event.is(EventType.INTERVIEW_SCHEDULED)
            && !event.is(EventType.INTERVIEW_RESCHEDULED)
            && !event.is(EventType.INTERVIEW_CANCELLED)
        || erased.coversStudentOf(event)) {
      return; // (or about a student erased since, read again: it brings nothing back)
    }
    if (event.is(EventType.INTERVIEW_SCHEDULED) || event.is(EventType.INTERVIEW_RESCHEDULED)) {
      Scheduled at = reader.data(event, Scheduled.class);
      processedEvents.once(
          CONSUMER,
          event,
          () ->
              keep(
                  at.interviewId(),
                  at.version(),
                  new Update()
                      .set("studentId", at.studentId())
                      .set("contactId", at.contactId())
                      .set("contactDisplayName", at.contactDisplayName())
                      .set("start", at.start())
                      .set("durationMinutes", at.durationMinutes())
                      .set("mode", at.mode())
                      .set("where", at.where())
                      .set("sequence", at.sequence())
                      .set("cancelled", false)));
    } else if (event.is(EventType.INTERVIEW_CANCELLED)) {
      Cancelled off = reader.data(event, Cancelled.class);
      if (off.wasScheduled() && off.start() != null) {
        processedEvents.once(
            CONSUMER,
            event,
            () ->
                keep(
                    off.interviewId(),
                    off.version(),
                    new Update()
                        .set("studentId", off.studentId())
                        .set("contactId", off.contactId())
                        .set("contactDisplayName", off.contactDisplayName())
                        .set("start", off.start())
                        .setOnInsert("durationMinutes", 30)
                        .set("sequence", off.sequence())
                        .set("cancelled", true)));
      }
    }
  }

  private void keep(String interviewId, long version, Update update) {
    ReadModels.upsertIfNewer(
        mongo,
        COLLECTION,
        interviewId,
        "version",
        version,
        update.set("updatedAt", clock.instant()));
  }

  /**
   * The agreed times of a person, as the student or as one of the contacts they are, from {@link
   * #BACK} ago on, soonest first, at most {@link #MOST}.
   */
  List<Entry> of(String userId, List<String> contactIds) {
    Criteria whose =
        contactIds.isEmpty()
            ? Criteria.where("studentId").is(userId)
            : new Criteria()
                .orOperator(
                    Criteria.where("studentId").is(userId),
                    Criteria.where("contactId").in(contactIds));
    Query query =
        Query.query(
                new Criteria()
                    .andOperator(whose, Criteria.where("start").gte(clock.instant().minus(BACK))))
            .with(Sort.by("start"))
            .limit(MOST);
    return mongo.find(query, Entry.class, COLLECTION);
  }
}
