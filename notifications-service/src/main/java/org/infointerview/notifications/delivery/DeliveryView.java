package org.infointerview.notifications.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A message as the delivery log shows it to an admin (its words left out). */
record DeliveryView(
    String handle,
    String kind,
    String recipientId,
    @Nullable String to,
    String subject,
    DeliveryStatus status,
    int attempts,
    @Nullable String lastError,
    Instant createdAt,
    Instant nextAttemptAt,
    @Nullable Instant sentAt,
    String messageId,
    String after) {

  static DeliveryView of(Delivery d) {
    return new DeliveryView(
        d.handleOrDerived(),
        d.kind(),
        d.recipientId(),
        d.to(),
        d.subject(),
        d.status(),
        d.attempts(),
        d.lastError(),
        d.createdAt(),
        d.nextAttemptAt(),
        d.sentAt(),
        d.messageId(),
        d.id());
  }
}
