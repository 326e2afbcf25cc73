package org.infointerview.notifications.interview;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.notifications.delivery.MailTemplates;
import org.infointerview.notifications.preference.Preferences;
import org.infointerview.notifications.recipient.Recipient;
import org.infointerview.notifications.recipient.Recipients;
import org.infointerview.support.personal.ErasedPeople;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.NoSuchMessageException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.exceptions.TemplateEngineException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mail to a student when the person they asked answers (RequestAnswered): accepted with the time in
 * the student's zone, other times offered, or declined, with the person's words; and when a time is
 * agreed, moved or called off (InterviewScheduled, InterviewRescheduled, InterviewCancelled), to
 * the student and to the person ({@link PersonTimeMail}), each with the calendar invitation
 * (REQUEST, or CANCEL) for their calendar. Its own consumer group. Once per event without a
 * processed-event record: each message's id is its kind, the event and its recipient ({@link
 * Deliveries}), so an event read again finds its messages stored and sends nothing (two store round
 * trips fewer for every event, one of them before the mail goes).
 */
@Component
class InterviewMailListener {

  static final String CONSUMER = "notifications-service.interviews";
  static final String REQUEST_ANSWERED = "REQUEST_ANSWERED";
  private static final Logger log = LoggerFactory.getLogger(InterviewMailListener.class);

  /** The facts read here, in this feature's own records. */
  record Answered(
      String interviewId,
      String studentId,
      String contactDisplayName,
      String answer,
      @Nullable String message,
      @Nullable Instant acceptedStart,
      List<Time> proposedTimes) {}

  record Time(Instant start, int durationMinutes) {}

  /** InterviewScheduled and InterviewRescheduled, as read here. */
  record Scheduled(
      String interviewId,
      String studentId,
      String contactId,
      String contactDisplayName,
      Instant start,
      int durationMinutes,
      String studentTimeZone,
      String mode,
      @Nullable String where,
      int sequence) {}

  record Cancelled(
      String interviewId,
      String studentId,
      String contactId,
      String contactDisplayName,
      String reason,
      boolean wasScheduled,
      @Nullable Instant start,
      int sequence) {}

  private final ErasedPeople erased;
  private final EventReader reader;
  private final JsonMapper json;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final Deliveries deliveries;
  private final Preferences preferences;
  private final TimeMails timeMails;
  private final String publicUrl;

  InterviewMailListener(
      ErasedPeople erased,
      EventReader reader,
      JsonMapper json,
      Recipients recipients,
      MailTemplates templates,
      Deliveries deliveries,
      Preferences preferences,
      TimeMails timeMails,
      @Value("${infointerview.delivery.public-url:http://localhost:8080}") String publicUrl) {
    this.erased = erased;
    this.reader = reader;
    this.json = json;
    this.recipients = recipients;
    this.templates = templates;
    this.deliveries = deliveries;
    this.preferences = preferences;
    this.timeMails = timeMails;
    this.publicUrl = publicUrl;
  }

  @KafkaListener(
      id = CONSUMER,
      topics = Topics.INTERVIEWS,
      groupId = "${spring.application.name}.interviews",
      concurrency = "${infointerview.delivery.consumers}")
  void on(IncomingEvent event) {
    // the type first: events that are not this consumer's cost no store read
    if (!event.is(EventType.REQUEST_ANSWERED)
            && !event.is(EventType.INTERVIEW_SCHEDULED)
            && !event.is(EventType.INTERVIEW_RESCHEDULED)
            && !event.is(EventType.INTERVIEW_CANCELLED)
        || erased.coversStudentOf(event)) {
      return; // (or about a student erased since, read again: it brings nothing back)
    }
    if (event.is(EventType.REQUEST_ANSWERED)) {
      Answered answered = reader.data(event, Answered.class);
      tellStudentOfAnswer(event.id(), answered);
    } else if (event.is(EventType.INTERVIEW_SCHEDULED)
        || event.is(EventType.INTERVIEW_RESCHEDULED)) {
      Scheduled scheduled = reader.data(event, Scheduled.class);
      TimeMails.Facts facts =
          new TimeMails.Facts(
              event.is(EventType.INTERVIEW_RESCHEDULED) ? "RESCHEDULED" : "SCHEDULED",
              scheduled.interviewId(),
              scheduled.studentId(),
              scheduled.contactId(),
              scheduled.contactDisplayName(),
              scheduled.start(),
              scheduled.durationMinutes(),
              scheduled.mode(),
              scheduled.where(),
              null,
              scheduled.sequence());
      tellBoth(event.id(), facts);
    } else if (event.is(EventType.INTERVIEW_CANCELLED)) {
      Cancelled cancelled = reader.data(event, Cancelled.class);
      if (cancelled.wasScheduled() && cancelled.start() != null) {
        TimeMails.Facts facts =
            new TimeMails.Facts(
                "CANCELLED",
                cancelled.interviewId(),
                cancelled.studentId(),
                cancelled.contactId(),
                cancelled.contactDisplayName(),
                cancelled.start(),
                30,
                null,
                null,
                cancelled.reason(),
                cancelled.sequence());
        tellBoth(event.id(), facts);
      }
    }
  }

  /**
   * The student's mail and the person's (made when first tried, at the address contacts-service
   * gives then), each with the invitation for their calendar.
   */
  private void tellBoth(String eventId, TimeMails.Facts facts) {
    tellStudent(eventId, facts);
    deliveries.queue(
        Deliveries.Message.toContact(
            PersonTimeMail.KIND, eventId, facts.contactId(), json.writeValueAsString(facts)));
  }

  private void tellStudent(String eventId, TimeMails.Facts facts) {
    String kind = facts.studentKind();
    Recipient student = studentToWrite(kind, eventId, facts.studentId());
    if (student == null) {
      return;
    }
    Preferences.Chosen chosen = preferences.chosen(student.userId(), student.zone());
    Preferences.ForMail reads = chosen.forMail();
    TimeMails.Made made;
    try {
      made =
          timeMails.make(
              facts,
              student.displayName(),
              facts.contactDisplayName(),
              reads,
              Objects.requireNonNull(student.email()),
              null);
    } catch (TemplateEngineException | NoSuchMessageException e) {
      log.warn("Mail for {} could not be rendered: {}", eventId, e.toString());
      deliveries.failed(kind, eventId, student.userId(), "The template failed: " + e.getMessage());
      return;
    }
    deliveries.queue(
        new Deliveries.Message(
                kind,
                eventId,
                student.userId(),
                student.email(),
                student.displayName(),
                made.content())
            .withInvite(made.ics(), made.method()),
        chosen.windows());
  }

  /**
   * The student, if mail can go to them; otherwise the message is kept as FAILED with why, for the
   * delivery log, and null returned.
   */
  private @Nullable Recipient studentToWrite(String kind, String eventId, String studentId) {
    Recipient student = recipients.find(studentId).orElse(null);
    if (student == null || student.email() == null) {
      deliveries.failed(
          kind,
          eventId,
          studentId,
          "The student's profile has not reached notifications-service; no address to write to.");
      return null;
    }
    return student;
  }

  private void tellStudentOfAnswer(String eventId, Answered answered) {
    Recipient student = studentToWrite(REQUEST_ANSWERED, eventId, answered.studentId());
    if (student == null) {
      return;
    }
    Preferences.Chosen chosen = preferences.chosen(student.userId(), student.zone());
    Preferences.ForMail reads = chosen.forMail();
    Map<String, Object> values = new HashMap<>();
    values.put("studentName", student.displayName());
    values.put("contactName", answered.contactDisplayName());
    values.put("answer", answered.answer());
    values.put("message", answered.message());
    values.put(
        "acceptedLocal",
        answered.acceptedStart() == null ? "" : reads.time(answered.acceptedStart()));
    values.put(
        "proposedLocal",
        answered.proposedTimes().stream()
            .map(t -> reads.time(t.start()) + " (" + t.durationMinutes() + " min)")
            .toList());
    values.put("timeZone", reads.zone().getId());
    values.put("link", publicUrl);
    MailTemplates.Rendered content;
    try {
      content =
          templates.render(
              "request-answered", reads.locale(), values, answered.contactDisplayName());
    } catch (TemplateEngineException | NoSuchMessageException e) {
      log.warn("Mail for {} could not be rendered: {}", eventId, e.toString());
      deliveries.failed(
          REQUEST_ANSWERED, eventId, student.userId(), "The template failed: " + e.getMessage());
      return;
    }
    deliveries.queue(
        new Deliveries.Message(
            REQUEST_ANSWERED,
            eventId,
            student.userId(),
            student.email(),
            student.displayName(),
            content),
        chosen.windows());
  }
}
