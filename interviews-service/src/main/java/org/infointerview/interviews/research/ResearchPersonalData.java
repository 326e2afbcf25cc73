package org.infointerview.interviews.research;

import java.io.IOException;
import org.infointerview.messaging.store.StorePages;
import org.infointerview.support.export.PersonalArchive;
import org.infointerview.support.export.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** In a person's export: a student's research notes on career fields and employers. */
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
}
