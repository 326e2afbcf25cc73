package org.infointerview.notifications.outreach;

import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.support.personal.ErasedPeople;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mail from the student to the person: {@code OutreachRequested} (the request, made by {@link
 * OutreachMail}) and {@code ReportBackSent} (made by {@link ReportBackMail}), each queued once per
 * event with its facts and made when first tried. Its own consumer group.
 */
@Component
class OutreachListener {

  static final String CONSUMER = "notifications-service.outreach";

  private final ProcessedEvents processedEvents;
  private final ErasedPeople erased;
  private final EventReader reader;
  private final JsonMapper json;
  private final Deliveries deliveries;

  OutreachListener(
      ProcessedEvents processedEvents,
      ErasedPeople erased,
      EventReader reader,
      JsonMapper json,
      Deliveries deliveries) {
    this.processedEvents = processedEvents;
    this.erased = erased;
    this.reader = reader;
    this.json = json;
    this.deliveries = deliveries;
  }

  @KafkaListener(
      id = CONSUMER,
      topics = Topics.INTERVIEWS,
      groupId = "${spring.application.name}.outreach",
      concurrency = "${infointerview.delivery.consumers}")
  void on(IncomingEvent event) {
    // the type first: most events on the topic are not this consumer's, and cost no store read
    if (!event.is(EventType.OUTREACH_REQUESTED) && !event.is(EventType.REPORT_BACK_SENT)
        || erased.coversStudentOf(event)) {
      return; // (or about a student erased since, read again: it brings nothing back)
    }
    if (event.is(EventType.OUTREACH_REQUESTED)) {
      OutreachMail.Request request = reader.data(event, OutreachMail.Request.class);
      queue(event, OutreachMail.KIND, request.contactId(), request);
    } else if (event.is(EventType.REPORT_BACK_SENT)) {
      ReportBackMail.ReportBack report = reader.data(event, ReportBackMail.ReportBack.class);
      queue(event, ReportBackMail.KIND, report.contactId(), report);
    }
  }

  private void queue(IncomingEvent event, String kind, String contactId, Object facts) {
    processedEvents.once(
        CONSUMER,
        event,
        () ->
            deliveries.queue(
                Deliveries.Message.toContact(
                    kind, event.id(), contactId, json.writeValueAsString(facts))));
  }
}
