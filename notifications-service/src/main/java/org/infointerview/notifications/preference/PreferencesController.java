package org.infointerview.notifications.preference;

import jakarta.validation.Valid;
import java.time.Clock;
import org.infointerview.support.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Each person reads and changes only their own preferences: the path names no one else. */
@RestController
@RequestMapping("/me/preferences")
class PreferencesController {

  private final NotificationPreferencesRepository preferences;
  private final Clock clock;

  PreferencesController(NotificationPreferencesRepository preferences, Clock clock) {
    this.preferences = preferences;
    this.clock = clock;
  }

  @GetMapping
  PreferencesResponse mine(CurrentUser me) {
    return PreferencesResponse.of(current(me));
  }

  @PutMapping
  PreferencesResponse change(CurrentUser me, @Valid @RequestBody PreferencesRequest request) {
    NotificationPreferences changed =
        current(me)
            .change(
                request.emailReminders(),
                request.inAppReminders(),
                request.timeZone(),
                clock.instant());
    return PreferencesResponse.of(preferences.save(changed));
  }

  private NotificationPreferences current(CurrentUser me) {
    return preferences
        .findById(me.id())
        .orElseGet(() -> NotificationPreferences.defaults(me.id(), clock.instant()));
  }
}
