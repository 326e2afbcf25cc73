package org.infointerview.notifications.delivery;

import java.io.IOException;
import java.time.Instant;
import org.infointerview.messaging.store.StorePages;
import org.infointerview.support.personal.PersonalArchive;
import org.infointerview.support.personal.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * In a person's export: the messages addressed to them, sent, failed or still to go (reminders wait
 * here with their time), as they read them.
 */
@Component
class DeliveriesPersonalData implements PersonalData {

  private final MongoTemplate mongo;
  private final Deliveries deliveries;

  DeliveriesPersonalData(MongoTemplate mongo, Deliveries deliveries) {
    this.mongo = mongo;
    this.deliveries = deliveries;
  }

  @Override
  public void export(CurrentUser person, PersonalArchive archive) throws IOException {
    archive.json(
        "messages.json",
        StorePages.all(mongo, "recipientId", person.id(), Delivery.class, Message::of));
  }

  /** A message as its reader knows it: to which address, what it said, when it went. */
  record Message(
      String kind,
      @Nullable String to,
      String subject,
      String text,
      DeliveryStatus status,
      Instant createdAt,
      @Nullable Instant sentAt,
      @Nullable Instant dueAt) {

    static Message of(Delivery d) {
      return new Message(
          d.kind(),
          d.to(),
          d.subject(),
          d.text(),
          d.status(),
          d.createdAt(),
          d.sentAt(),
          d.sentAt() == null ? d.nextAttemptAt() : null);
    }
  }

  @Override
  public void erase(String personId) {
    deliveries.forgetUser(personId);
  }
}
