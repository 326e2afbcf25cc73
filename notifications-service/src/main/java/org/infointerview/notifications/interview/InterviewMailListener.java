package org.infointerview.notifications.interview;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.ProcessedEvents;
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
 * the student's zone, other times offered, or declined, with the person's words. Once per event,
 * its own consumer group.
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

  private final ProcessedEvents processedEvents;
  private final EventReader reader;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final Deliveries deliveries;
  private final Preferences preferences;
  private final String publicUrl;

  InterviewMailListener(
      ProcessedEvents processedEvents,
      EventReader reader,
      Recipients recipients,
      MailTemplates templates,
      Deliveries deliveries,
      Preferences preferences,
      @Value("${infointerview.delivery.public-url:http://localhost:8080}") String publicUrl) {
    this.processedEvents = processedEvents;
    this.reader = reader;
    this.recipients = recipients;
    this.templates = templates;
    this.deliveries = deliveries;
    this.preferences = preferences;
    this.publicUrl = publicUrl;
  }

  @KafkaListener(
      id = CONSUMER,
      topics = Topics.INTERVIEWS,
      groupId = "${spring.application.name}.interviews")
  void on(IncomingEvent event) {
    if (!event.is(EventType.REQUEST_ANSWERED)) {
      return;
    }
    Answered answered = reader.data(event, Answered.class);
    processedEvents.once(CONSUMER, event, () -> tellStudent(event.id(), answered));
  }

  private void tellStudent(String eventId, Answered answered) {
    Recipient student = recipients.find(answered.studentId()).orElse(null);
    if (student == null) {
      deliveries.failed(
          REQUEST_ANSWERED,
          eventId,
          answered.studentId(),
          "The student's profile has not reached notifications-service; no address to write to.");
      return;
    }
    Preferences.ForMail reads = preferences.forMail(student.userId(), student.zone());
    Locale locale = reads.locale();
    ZoneId zone = reads.zone();
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(zone);
    Map<String, Object> values = new HashMap<>();
    values.put("studentName", student.displayName());
    values.put("contactName", answered.contactDisplayName());
    values.put("answer", answered.answer());
    values.put("message", answered.message());
    values.put(
        "acceptedLocal",
        answered.acceptedStart() == null ? "" : format.format(answered.acceptedStart()));
    values.put(
        "proposedLocal",
        answered.proposedTimes().stream()
            .map(t -> format.format(t.start()) + " (" + t.durationMinutes() + " min)")
            .toList());
    values.put("timeZone", zone.getId());
    values.put("link", publicUrl);
    MailTemplates.Rendered content;
    try {
      content = templates.render("request-answered", locale, values, answered.contactDisplayName());
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
