package org.infointerview.notifications.preference;

import java.io.IOException;
import org.infointerview.support.personal.PersonalArchive;
import org.infointerview.support.personal.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.springframework.stereotype.Component;

/** In a person's export: their notification preferences (defaults when they set none). */
@Component
class PreferencesPersonalData implements PersonalData {

  private final PreferencesService preferences;

  PreferencesPersonalData(PreferencesService preferences) {
    this.preferences = preferences;
  }

  @Override
  public void export(CurrentUser person, PersonalArchive archive) throws IOException {
    archive.json("preferences.json", PreferencesResponse.of(preferences.current(person)));
  }

  @Override
  public void erase(String personId) {
    preferences.erase(personId);
  }
}
