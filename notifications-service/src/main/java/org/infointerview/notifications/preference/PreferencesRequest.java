package org.infointerview.notifications.preference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.infointerview.support.validation.TimeZoneId;
import org.jspecify.annotations.Nullable;

record PreferencesRequest(
    @NotNull Boolean emailReminders,
    @NotNull Boolean inAppReminders,
    @Size(max = 64) @TimeZoneId @Nullable String timeZone,
    @Pattern(regexp = "en|es", message = "must be en or es") @Nullable String language,
    @Valid @Nullable QuietHours quietHours,
    @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm")
        @Nullable String dailyDigestAt) {

  /**
   * Hours in the person's zone when mail that can wait does (reminders of thank-yous, follow-ups,
   * keeping in touch and action items, answers, import reports); a meeting's reminders and its
   * invitations come whenever they are due.
   */
  record QuietHours(
      @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm")
          String from,
      @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm")
          String until) {}
}
