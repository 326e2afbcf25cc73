package org.infointerview.notifications.preference;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** What other features of this service may ask about a person's choices. */
@Component
public class Preferences {

  private final MongoTemplate mongo;

  Preferences(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Whether the person wants reminders by email: yes until they say otherwise. */
  public boolean emailReminders(String userId) {
    NotificationPreferences stored = mongo.findById(userId, NotificationPreferences.class);
    return stored == null || stored.emailReminders();
  }
}
