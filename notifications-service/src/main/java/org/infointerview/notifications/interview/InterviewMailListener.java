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
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.notifications.calendar.Invites;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.notifications.delivery.MailTemplates;
import org.infointerview.notifications.preference.Preferences;
import org.infointerview.notifications.recipient.Recipient;
import org.infointerview.notifications.recipient.Recipients;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.NoSuchMessageException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.exceptions.TemplateEngineException;

/**
 * Mail to a student when the person they asked answers (RequestAnswered): accepted with the time in
 * the student's zone, other times offered, or declined, with the person's words; and when a time is
 * agreed, moved or called off (InterviewScheduled, InterviewRescheduled, InterviewCancelled), with
 * the calendar invitation (REQUEST, or CANCEL) for their calendar. Once per event, its own consumer
 * group.
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
      String contactDisplayName,
      String reason,
      boolean wasScheduled,
      @Nullable Instant start,
      int sequence) {}

  private final ProcessedEvents processedEvents;
  private final EventReader reader;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final Deliveries deliveries;
  private final Preferences preferences;
  private final Invites invites;
  private final String publicUrl;
  private final String fromAddress;

  InterviewMailListener(
      ProcessedEvents processedEvents,
      EventReader reader,
      Recipients recipients,
      MailTemplates templates,
      Deliveries deliveries,
      Preferences preferences,
      Invites invites,
      @Value("${infointerview.delivery.public-url:http://localhost:8080}") String publicUrl,
      @Value("${infointerview.delivery.from-address:no-reply@infointerview.local}")
          String fromAddress) {
    this.processedEvents = processedEvents;
    this.reader = reader;
    this.recipients = recipients;
    this.templates = templates;
    this.deliveries = deliveries;
    this.preferences = preferences;
    this.invites = invites;
    this.publicUrl = publicUrl;
    this.fromAddress = fromAddress;
  }

  @KafkaListener(
      id = CONSUMER,
      topics = Topics.INTERVIEWS,
      groupId = "${spring.application.name}.interviews")
  void on(IncomingEvent event) {
    if (event.is(EventType.REQUEST_ANSWERED)) {
      Answered answered = reader.data(event, Answered.class);
      processedEvents.once(CONSUMER, event, () -> tellStudent(event.id(), answered));
    } else if (event.is(EventType.INTERVIEW_SCHEDULED)
        || event.is(EventType.INTERVIEW_RESCHEDULED)) {
      Scheduled scheduled = reader.data(event, Scheduled.class);
      boolean moved = event.is(EventType.INTERVIEW_RESCHEDULED);
      processedEvents.once(CONSUMER, event, () -> invite(event.id(), scheduled, moved));
    } else if (event.is(EventType.INTERVIEW_CANCELLED)) {
      Cancelled cancelled = reader.data(event, Cancelled.class);
      if (cancelled.wasScheduled() && cancelled.start() != null) {
        processedEvents.once(CONSUMER, event, () -> uninvite(event.id(), cancelled));
      }
    }
  }

  /** The student's invitation to an agreed time, or to its new time. */
  private void invite(String eventId, Scheduled scheduled, boolean moved) {
    String kind = moved ? "INTERVIEW_RESCHEDULED" : "INTERVIEW_SCHEDULED";
    Recipient student = studentToWrite(kind, eventId, scheduled.studentId());
    if (student == null) {
      return;
    }
    Preferences.ForMail reads = preferences.forMail(student.userId(), student.zone());
    Map<String, Object> values =
        timeValues(student, reads, scheduled.contactDisplayName(), scheduled.start());
    values.put("kind", moved ? "RESCHEDULED" : "SCHEDULED");
    values.put("mode", scheduled.mode());
    values.put("where", scheduled.where() == null ? "" : scheduled.where());
    values.put("reason", "");
    String summary =
        templates.word("interview-time.summary", reads.locale(), scheduled.contactDisplayName());
    String ics =
        invites.request(
            new Invites.Meeting(
                scheduled.interviewId(),
                summary,
                scheduled.start(),
                scheduled.durationMinutes(),
                reads.zone().getId(),
                scheduled.where(),
                null,
                scheduled.sequence(),
                fromAddress,
                student.email()));
    queueTimeMail(
        eventId, kind, student, reads, values, scheduled.contactDisplayName(), ics, "REQUEST");
  }

  /** The student's calendar told the agreed time is off. */
  private void uninvite(String eventId, Cancelled cancelled) {
    String kind = "INTERVIEW_CANCELLED";
    Recipient student = studentToWrite(kind, eventId, cancelled.studentId());
    if (student == null) {
      return;
    }
    Instant start = Objects.requireNonNull(cancelled.start());
    Preferences.ForMail reads = preferences.forMail(student.userId(), student.zone());
    Map<String, Object> values = timeValues(student, reads, cancelled.contactDisplayName(), start);
    values.put("kind", "CANCELLED");
    values.put("mode", "");
    values.put("where", "");
    values.put("reason", cancelled.reason());
    String summary =
        templates.word("interview-time.summary", reads.locale(), cancelled.contactDisplayName());
    String ics =
        invites.cancel(
            new Invites.Meeting(
                cancelled.interviewId(),
                summary,
                start,
                30,
                reads.zone().getId(),
                null,
                cancelled.reason(),
                cancelled.sequence(),
                fromAddress,
                student.email()));
    queueTimeMail(
        eventId, kind, student, reads, values, cancelled.contactDisplayName(), ics, "CANCEL");
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

  private Map<String, Object> timeValues(
      Recipient student, Preferences.ForMail reads, String contactName, Instant start) {
    Map<String, Object> values = new HashMap<>();
    values.put("studentName", student.displayName());
    values.put("contactName", contactName);
    values.put("whenLocal", reads.time(start));
    values.put("timeZone", reads.zone().getId());
    values.put("link", publicUrl);
    return values;
  }

  private void queueTimeMail(
      String eventId,
      String kind,
      Recipient student,
      Preferences.ForMail reads,
      Map<String, Object> values,
      String contactName,
      String ics,
      String method) {
    MailTemplates.Rendered content;
    try {
      content =
          templates.render(
              "interview-time",
              "interview-time." + values.get("kind") + ".subject",
              reads.locale(),
              values,
              contactName,
              values.get("whenLocal"));
    } catch (TemplateEngineException | NoSuchMessageException e) {
      log.warn("Mail for {} could not be rendered: {}", eventId, e.toString());
      deliveries.failed(kind, eventId, student.userId(), "The template failed: " + e.getMessage());
      return;
    }
    deliveries.queue(
        new Deliveries.Message(
                kind, eventId, student.userId(), student.email(), student.displayName(), content)
            .withInvite(ics, method));
  }

  private void tellStudent(String eventId, Answered answered) {
    Recipient student = studentToWrite(REQUEST_ANSWERED, eventId, answered.studentId());
    if (student == null) {
      return;
    }
    Preferences.ForMail reads = preferences.forMail(student.userId(), student.zone());
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
            content));
  }
}
