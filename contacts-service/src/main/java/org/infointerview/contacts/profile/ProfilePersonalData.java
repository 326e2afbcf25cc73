package org.infointerview.contacts.profile;

import java.io.IOException;
import org.infointerview.support.export.PersonalArchive;
import org.infointerview.support.export.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** In a person's export: their profile as the identity provider last described them. */
@Component
class ProfilePersonalData implements PersonalData {

  private final MongoTemplate mongo;

  ProfilePersonalData(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void export(CurrentUser person, PersonalArchive archive) throws IOException {
    UserProfile profile = mongo.findById(person.id(), UserProfile.class);
    archive.json("profile.json", profile == null ? null : ProfileResponse.of(profile));
  }
}
