package org.infointerview.notifications.preference;

import java.time.Instant;
import java.time.LocalTime;
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
 * @param timeZone IANA zone mail shows times in; null for the one the person's profile carries
 * @param language the language of their mail: {@code en} or {@code es}
 * @param quietFrom from when, each day in their zone, mail that can wait does (with {@code
 *     quietUntil}; null for no quiet hours)
 * @param quietUntil until when; before {@code quietFrom} for hours across midnight
 * @param dailyDigestAt when, each day in their zone, mail that can wait goes as one digest; null
 *     for each by itself
 * @param updatedAt when the person last changed them
 * @param version optimistic lock
 */
@Document("notification_preferences")
record NotificationPreferences(
    @Id String userId,
    boolean emailReminders,
    boolean inAppReminders,
    @Nullable String timeZone,
    @Nullable String language,
    @Nullable LocalTime quietFrom,
    @Nullable LocalTime quietUntil,
    @Nullable LocalTime dailyDigestAt,
    Instant updatedAt,
    @Version @Nullable Long version) {

  static final String ENGLISH = "en";

  /** What a person gets before choosing: everything on, timed in the interview's zone. */
  static NotificationPreferences defaults(String userId, Instant now) {
    return new NotificationPreferences(
        userId, true, true, null, ENGLISH, null, null, null, now, null);
  }

  /** What the person chose now; nothing changes when they chose the same again. */
  Changed<NotificationPreferences> change(
      boolean emailReminders,
      boolean inAppReminders,
      @Nullable String timeZone,
      String language,
      @Nullable LocalTime quietFrom,
      @Nullable LocalTime quietUntil,
      @Nullable LocalTime dailyDigestAt,
      Instant now) {
    if (version != null
        && emailReminders == this.emailReminders
        && inAppReminders == this.inAppReminders
        && Objects.equals(timeZone, this.timeZone)
        && language.equals(language())
        && Objects.equals(quietFrom, this.quietFrom)
        && Objects.equals(quietUntil, this.quietUntil)
        && Objects.equals(dailyDigestAt, this.dailyDigestAt)) {
      return Changed.nothing(this);
    }
    return Changed.to(
        new NotificationPreferences(
            userId,
            emailReminders,
            inAppReminders,
            timeZone,
            language,
            quietFrom,
            quietUntil,
            dailyDigestAt,
            now,
            version));
  }

  /** The language of their mail; English for preferences stored before there was a choice. */
  @Override
  public String language() {
    return language == null ? ENGLISH : language;
  }
}
