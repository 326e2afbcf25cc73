package org.infointerview.notifications.preference;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.infointerview.notifications.delivery.Digests;
import org.infointerview.notifications.recipient.Recipient;
import org.infointerview.notifications.recipient.Recipients;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A person who chose a daily digest gets mail that can wait ({@link QuietHours#CAN_WAIT}) in one
 * mail a day at their chosen time in their zone; the rest comes when due.
 */
@Component
class DailyDigest implements Digests {

  private final MongoTemplate mongo;
  private final Recipients recipients;
  private final Preferences preferences;

  DailyDigest(MongoTemplate mongo, Recipients recipients, Preferences preferences) {
    this.mongo = mongo;
    this.recipients = recipients;
    this.preferences = preferences;
  }

  @Override
  public Optional<Instant> digestAt(String recipientId, String kind, Instant now) {
    if (!QuietHours.CAN_WAIT.contains(kind)) {
      return Optional.empty();
    }
    NotificationPreferences chosen = mongo.findById(recipientId, NotificationPreferences.class);
    if (chosen == null || chosen.dailyDigestAt() == null) {
      return Optional.empty();
    }
    ZoneId zone = zone(recipientId);
    ZonedDateTime at = now.atZone(zone).with(chosen.dailyDigestAt());
    if (!at.toInstant().isAfter(now)) {
      at = now.atZone(zone).plusDays(1).with(chosen.dailyDigestAt());
    }
    return Optional.of(at.toInstant());
  }

  private ZoneId zone(String recipientId) {
    ZoneId profile = recipients.find(recipientId).map(Recipient::zone).orElse(ZoneOffset.UTC);
    return preferences.forMail(recipientId, profile).zone();
  }
}
