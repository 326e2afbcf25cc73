package org.infointerview.notifications.preference;

import jakarta.validation.Valid;
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

  private final PreferencesService preferences;

  PreferencesController(PreferencesService preferences) {
    this.preferences = preferences;
  }

  @GetMapping
  PreferencesResponse mine(CurrentUser me) {
    return PreferencesResponse.of(preferences.current(me));
  }

  @PutMapping
  PreferencesResponse change(CurrentUser me, @Valid @RequestBody PreferencesRequest request) {
    return PreferencesResponse.of(preferences.change(me, request));
  }
}
