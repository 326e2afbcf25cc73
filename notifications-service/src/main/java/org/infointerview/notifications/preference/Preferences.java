package org.infointerview.notifications.preference;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.infointerview.notifications.delivery.SendWindows;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** What other features of this service may ask about a person's choices. */
@Component
public class Preferences {

  private final MongoTemplate mongo;

  Preferences(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** How the person reads their mail: their language, and times in their zone. */
  public record ForMail(Locale locale, ZoneId zone) {

    /** A time as they read it: the full date and the time of day, in their language and zone. */
    public String time(Instant instant) {
      return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
          .withLocale(locale)
          .withZone(zone)
          .format(instant);
    }
  }

  /**
   * The person's language (English until they choose) and zone: theirs when they chose one, else
   * {@code profileZone}, the one their profile carries.
   */
  public ForMail forMail(String userId, ZoneId profileZone) {
    return chosen(userId, profileZone).forMail();
  }

  /**
   * How the person reads their mail and when mail to them may go, from one read of their choices: a
   * message made now and tried at once needs them both.
   */
  public record Chosen(ForMail forMail, SendWindows.Read windows) {}

  public Chosen chosen(String userId, ZoneId profileZone) {
    NotificationPreferences stored = mongo.findById(userId, NotificationPreferences.class);
    ForMail forMail =
        stored == null
            ? new ForMail(Locale.ENGLISH, profileZone)
            : new ForMail(Locale.forLanguageTag(stored.language()), zone(stored, profileZone));
    return new Chosen(forMail, (kind, now) -> QuietHours.when(stored, profileZone, kind, now));
  }

  /** The zone the person chose, else the one their profile carries. */
  static ZoneId zone(NotificationPreferences stored, ZoneId profileZone) {
    if (stored.timeZone() != null) {
      try {
        return ZoneId.of(stored.timeZone());
      } catch (DateTimeException e) {
        // checked when chosen; a zone Java has since dropped falls back to the profile's
      }
    }
    return profileZone;
  }

  /** How the person wants reminders: by email, in the inbox; both until they say otherwise. */
  public record Reminders(boolean byEmail, boolean inApp) {
    public boolean any() {
      return byEmail || inApp;
    }
  }

  public Reminders reminders(String userId) {
    NotificationPreferences stored = mongo.findById(userId, NotificationPreferences.class);
    return stored == null
        ? new Reminders(true, true)
        : new Reminders(stored.emailReminders(), stored.inAppReminders());
  }
}
