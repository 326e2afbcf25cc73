package org.infointerview.notifications.inbox;

import java.io.IOException;
import org.infointerview.messaging.store.StorePages;
import org.infointerview.support.personal.PersonalArchive;
import org.infointerview.support.personal.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** In a person's export: everything in their inbox, read or not. */
@Component
class InboxPersonalData implements PersonalData {

  private final MongoTemplate mongo;

  InboxPersonalData(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void export(CurrentUser person, PersonalArchive archive) throws IOException {
    archive.json(
        "inbox.json", StorePages.all(mongo, "userId", person.id(), InboxEntry.class, e -> e));
  }

  @Override
  public void erase(String personId) {
    mongo.remove(Query.query(Criteria.where("userId").is(personId)), InboxEntry.class);
  }
}
