package org.infointerview.notifications.staff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.Envelopes;
import org.infointerview.messaging.consumer.EventObservations;
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
 * {@code AlumniImportCompleted}: the admin who started the import (for a scheduled alumni sync, who
 * last set it up) learns how it ended, by mail and in their inbox: completed with its counts,
 * cancelled, or failed with why. Once per event, its own consumer group.
 */
@Component
class ImportReportListener {

  static final String CONSUMER = "notifications-service.imports";
  static final String KIND = "IMPORT_ENDED";
  private static final Logger log = LoggerFactory.getLogger(ImportReportListener.class);

  /** The fact, as read here. */
  record Ended(
      String importId,
      @Nullable String status,
      @Nullable String reportTo,
      @Nullable String failure,
      String sourceName,
      long rowsRead,
      long created,
      long updated,
      long unchanged,
      long failed) {}

  private final EventObservations observations;
  private final ProcessedEvents processedEvents;
  private final EventReader reader;
  private final Recipients recipients;
  private final Preferences preferences;
  private final MailTemplates templates;
  private final Deliveries deliveries;
  private final String publicUrl;

  ImportReportListener(
      ProcessedEvents processedEvents,
      EventReader reader,
      Recipients recipients,
      Preferences preferences,
      MailTemplates templates,
      Deliveries deliveries,
      @Value("${infointerview.delivery.public-url:http://localhost:8080}") String publicUrl,
      EventObservations observations) {
    this.observations = observations;
    this.processedEvents = processedEvents;
    this.reader = reader;
    this.recipients = recipients;
    this.preferences = preferences;
    this.templates = templates;
    this.deliveries = deliveries;
    this.publicUrl = publicUrl;
  }

  @KafkaListener(
      id = CONSUMER,
      topics = Topics.CONTACTS,
      groupId = "${spring.application.name}.imports",
      batch = "true",
      properties = Envelopes.TYPES + "=AlumniImportCompleted")
  void on(List<ConsumerRecord<String, IncomingEvent>> records) {
    observations.each(records, CONSUMER, Set.of(EventType.ALUMNI_IMPORT_COMPLETED), this::on);
  }

  /** One event of the types heard, in its record's trace. */
  void on(IncomingEvent event) {
    if (!event.is(EventType.ALUMNI_IMPORT_COMPLETED)) {
      return;
    }
    Ended ended = reader.data(event, Ended.class);
    processedEvents.once(CONSUMER, event, () -> report(event.id(), ended));
  }

  private void report(String eventId, Ended ended) {
    String to = ended.reportTo();
    Recipient admin = to == null ? null : recipients.find(to).orElse(null);
    if (admin == null || admin.email() == null) {
      deliveries.failed(
          KIND,
          eventId,
          to == null ? "nobody" : to,
          "Nobody to tell: the import names no admin, or their profile has not reached"
              + " notifications-service.");
      return;
    }
    Preferences.ForMail reads = preferences.forMail(admin.userId(), admin.zone());
    String status = ended.status() == null ? "COMPLETED" : ended.status();
    Map<String, Object> values = new HashMap<>();
    values.put("readerName", admin.displayName());
    values.put("status", status);
    values.put("source", ended.sourceName());
    values.put("rowsRead", ended.rowsRead());
    values.put("created", ended.created());
    values.put("updated", ended.updated());
    values.put("unchanged", ended.unchanged());
    values.put("failed", ended.failed());
    values.put("failure", ended.failure() == null ? "" : ended.failure());
    values.put("importId", ended.importId());
    values.put("link", publicUrl);
    MailTemplates.Rendered content;
    try {
      content =
          templates.render(
              "import-ended",
              "import-ended." + status + ".subject",
              reads.locale(),
              values,
              ended.sourceName());
    } catch (TemplateEngineException | NoSuchMessageException e) {
      log.warn("Import report {} could not be rendered: {}", eventId, e.toString());
      deliveries.failed(KIND, eventId, admin.userId(), "The template failed: " + e.getMessage());
      return;
    }
    deliveries.queue(
        new Deliveries.Message(
            KIND, eventId, admin.userId(), admin.email(), admin.displayName(), content));
  }
}
