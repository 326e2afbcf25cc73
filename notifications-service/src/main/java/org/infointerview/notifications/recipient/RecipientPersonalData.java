package org.infointerview.notifications.recipient;

import java.io.IOException;
import org.infointerview.support.personal.PersonalArchive;
import org.infointerview.support.personal.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** In a person's export: the name, address and time zone mail to them goes out with. */
@Component
class RecipientPersonalData implements PersonalData {

  private final MongoTemplate mongo;

  RecipientPersonalData(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void export(CurrentUser person, PersonalArchive archive) throws IOException {
    archive.json("recipient.json", mongo.findById(person.id(), Recipient.class));
  }

  @Override
  public void erase(String personId) {
    mongo.remove(Query.query(Criteria.where("_id").is(personId)), Recipient.class);
  }
}
