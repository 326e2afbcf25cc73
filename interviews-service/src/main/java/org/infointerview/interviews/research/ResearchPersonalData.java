package org.infointerview.interviews.research;

import java.io.IOException;
import org.infointerview.messaging.store.StorePages;
import org.infointerview.support.personal.PersonalArchive;
import org.infointerview.support.personal.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** A student's research notes on career fields and employers: in their export, gone with them. */
@Component
class ResearchPersonalData implements PersonalData {

  private final MongoTemplate mongo;

  ResearchPersonalData(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void export(CurrentUser person, PersonalArchive archive) throws IOException {
    archive.json(
        "research.json",
        StorePages.all(mongo, "studentId", person.id(), ResearchNote.class, ResearchResponse::of));
  }

  @Override
  public void erase(String personId) {
    mongo.remove(Query.query(Criteria.where("studentId").is(personId)), ResearchNote.class);
  }
}
