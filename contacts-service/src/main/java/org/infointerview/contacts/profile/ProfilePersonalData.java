package org.infointerview.contacts.profile;

import java.io.IOException;
import org.infointerview.support.personal.PersonalArchive;
import org.infointerview.support.personal.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A person's profile as the identity provider last described them: in their export. Their erasure
 * starts here ({@link PersonErasureController}): the profile is already the erasure's tombstone
 * when this service hears of it, so nothing is left for this part to do.
 */
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

  @Override
  public void erase(String personId) {
    // the profile became the tombstone that announced the erasure
  }
}
