package org.infointerview.notifications.preference;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

record PreferencesResponse(
    boolean emailReminders,
    boolean inAppReminders,
    @Nullable String timeZone,
    String language,
    PreferencesRequest.@Nullable QuietHours quietHours,
    @Nullable String dailyDigestAt,
    Instant updatedAt) {

  static PreferencesResponse of(NotificationPreferences preferences) {
    return new PreferencesResponse(
        preferences.emailReminders(),
        preferences.inAppReminders(),
        preferences.timeZone(),
        preferences.language(),
        preferences.quietFrom() == null || preferences.quietUntil() == null
            ? null
            : new PreferencesRequest.QuietHours(
                preferences.quietFrom().toString(), preferences.quietUntil().toString()),
        preferences.dailyDigestAt() == null ? null : preferences.dailyDigestAt().toString(),
        preferences.updatedAt());
  }
}
