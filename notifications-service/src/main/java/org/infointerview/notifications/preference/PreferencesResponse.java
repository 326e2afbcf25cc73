package org.infointerview.notifications.preference;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

record PreferencesResponse(
    boolean emailReminders,
    boolean inAppReminders,
    @Nullable String timeZone,
    String language,
    Instant updatedAt) {

  static PreferencesResponse of(NotificationPreferences preferences) {
    return new PreferencesResponse(
        preferences.emailReminders(),
        preferences.inAppReminders(),
        preferences.timeZone(),
        preferences.language(),
        preferences.updatedAt());
  }
}
