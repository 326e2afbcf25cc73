package org.infointerview.interviews.research;

import java.io.IOException;
import java.util.Collection;
import org.infointerview.interviews.student.StudentRecords;
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
class ResearchPersonalData implements PersonalData, StudentRecords {

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
    removeOf(personId);
  }

  @Override
  public String kind() {
    return "research notes";
  }

  @Override
  public long countOf(Collection<String> studentIds) {
    return mongo.count(Query.query(Criteria.where("studentId").in(studentIds)), ResearchNote.class);
  }

  @Override
  public void removeOf(String studentId) {
    mongo.remove(Query.query(Criteria.where("studentId").is(studentId)), ResearchNote.class);
  }
}
