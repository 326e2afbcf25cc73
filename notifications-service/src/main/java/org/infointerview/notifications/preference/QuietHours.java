package org.infointerview.notifications.preference;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import org.infointerview.notifications.delivery.SendWindows;
import org.infointerview.notifications.recipient.Recipient;
import org.infointerview.notifications.recipient.Recipients;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A person's quiet hours and daily digest, in their zone (the one they chose, else their
 * profile's), from one read of their choices: mail that can wait joins the digest when they chose
 * one, else waits for their quiet hours to end; a meeting's reminders and its invitations do
 * neither, nor does mail to people who are not platform users (they chose nothing here).
 */
@Component
class QuietHours implements SendWindows {

  /** The kinds of mail that can wait. */
  static final Set<String> CAN_WAIT =
      Set.of(
          "REMINDER_THANK_YOU",
          "REMINDER_THANK_YOU_OVERDUE",
          "REMINDER_FOLLOW_UP",
          "REMINDER_KEEP_IN_TOUCH",
          "REMINDER_ACTION_ITEM",
          "REQUEST_ANSWERED",
          "IMPORT_ENDED");

  private final MongoTemplate mongo;
  private final Recipients recipients;

  QuietHours(MongoTemplate mongo, Recipients recipients) {
    this.mongo = mongo;
    this.recipients = recipients;
  }

  @Override
  public When when(String recipientId, String kind, Instant now) {
    if (!CAN_WAIT.contains(kind)) {
      return When.now(now);
    }
    NotificationPreferences chosen = mongo.findById(recipientId, NotificationPreferences.class);
    if (!choseWindows(chosen)) {
      return When.now(now);
    }
    ZoneId profile = recipients.find(recipientId).map(Recipient::zone).orElse(ZoneOffset.UTC);
    return when(chosen, profile, kind, now);
  }

  private static boolean choseWindows(@Nullable NotificationPreferences chosen) {
    return chosen != null
        && (chosen.dailyDigestAt() != null
            || chosen.quietFrom() != null && chosen.quietUntil() != null);
  }

  /** The same from choices already read (null: none) and the zone the person's profile carries. */
  static When when(
      @Nullable NotificationPreferences chosen, ZoneId profile, String kind, Instant now) {
    if (!CAN_WAIT.contains(kind) || !choseWindows(chosen)) {
      return When.now(now);
    }
    ZonedDateTime local = now.atZone(Preferences.zone(chosen, profile));
    if (chosen.dailyDigestAt() != null) {
      ZonedDateTime digest = local.with(chosen.dailyDigestAt());
      if (!digest.isAfter(local)) {
        digest = local.plusDays(1).with(chosen.dailyDigestAt());
      }
      return new When(digest.toInstant(), true);
    }
    return When.now(end(chosen.quietFrom(), chosen.quietUntil(), local).orElse(now));
  }

  /** When the quiet hours around {@code at} end; empty when {@code at} is outside them. */
  static Optional<Instant> end(LocalTime from, LocalTime until, ZonedDateTime at) {
    LocalTime time = at.toLocalTime();
    boolean inside =
        from.isBefore(until)
            ? !time.isBefore(from) && time.isBefore(until)
            : !time.isBefore(from) || time.isBefore(until);
    if (!inside) {
      return Optional.empty();
    }
    ZonedDateTime end = at.with(until);
    if (!end.isAfter(at)) {
      end = at.plusDays(1).with(until);
    }
    return Optional.of(end.toInstant());
  }
}
