package org.infointerview.notifications.preference;

import java.time.Instant;
import java.util.Objects;
import org.infointerview.messaging.outbox.Changed;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's notification preferences, keyed by their identity ({@code issuer|subject}).
 *
 * @param userId the person
 * @param emailReminders reminders by email before interviews and follow-ups
 * @param inAppReminders reminders in the in-app inbox
 * @param timeZone IANA zone reminders are timed in; null for the zone of the interview
 * @param updatedAt when the person last changed them
 * @param version optimistic lock
 */
@Document("notification_preferences")
record NotificationPreferences(
    @Id String userId,
    boolean emailReminders,
    boolean inAppReminders,
    @Nullable String timeZone,
    Instant updatedAt,
    @Version @Nullable Long version) {

  /** What a person gets before choosing: everything on, timed in the interview's zone. */
  static NotificationPreferences defaults(String userId, Instant now) {
    return new NotificationPreferences(userId, true, true, null, now, null);
  }

  /** What the person chose now; nothing changes when they chose the same again. */
  Changed<NotificationPreferences> change(
      boolean emailReminders, boolean inAppReminders, @Nullable String timeZone, Instant now) {
    if (version != null
        && emailReminders == this.emailReminders
        && inAppReminders == this.inAppReminders
        && Objects.equals(timeZone, this.timeZone)) {
      return Changed.nothing(this);
    }
    return Changed.to(
        new NotificationPreferences(
            userId, emailReminders, inAppReminders, timeZone, now, version));
  }
}
