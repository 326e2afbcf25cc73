package org.infointerview.notifications.outreach;

import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.notifications.delivery.Deliveries;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code OutreachRequested}: the request mail to the person is queued once per event with the
 * request's facts, and made by {@link OutreachMail} when first tried. Its own consumer group.
 */
@Component
class OutreachListener {

  static final String CONSUMER = "notifications-service.outreach";

  private final ProcessedEvents processedEvents;
  private final EventReader reader;
  private final JsonMapper json;
  private final Deliveries deliveries;

  OutreachListener(
      ProcessedEvents processedEvents, EventReader reader, JsonMapper json, Deliveries deliveries) {
    this.processedEvents = processedEvents;
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
    if (!event.is(EventType.OUTREACH_REQUESTED)) {
      return;
    }
    OutreachMail.Request request = reader.data(event, OutreachMail.Request.class);
    processedEvents.once(
        CONSUMER,
        event,
        () ->
            deliveries.queue(
                Deliveries.Message.toContact(
                    OutreachMail.KIND,
                    event.id(),
                    request.contactId(),
                    json.writeValueAsString(request))));
  }
}
