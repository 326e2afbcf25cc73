package org.infointerview.contacts.imports;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.infointerview.support.personal.PersonalArchive;
import org.infointerview.support.personal.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The imports of a student's own contacts (their address books): in their export (the newest
 * 1,000), and erased with them, error reports included (the rows of their file).
 */
@Component
class ImportsPersonalData implements PersonalData {

  private final MongoTemplate mongo;
  private final Clock clock;
  private final String apiPath;

  ImportsPersonalData(
      MongoTemplate mongo,
      Clock clock,
      @Value("${infointerview.api.public-path:}") String apiPath) {
    this.mongo = mongo;
    this.clock = clock;
    this.apiPath = apiPath;
  }

  @Override
  public void export(CurrentUser person, PersonalArchive archive) throws IOException {
    Instant now = clock.instant();
    archive.json(
        "imports.json",
        mongo
            .find(
                Query.query(Criteria.where("ownerId").is(person.id()))
                    .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                    .limit(1000),
                ImportJob.class)
            .stream()
            .map(job -> ImportResponse.of(job, now, apiPath))
            .toList());
  }

  @Override
  public void erase(String personId) {
    List<String> jobs =
        mongo
            .find(
                Query.query(Criteria.where("ownerId").is(personId)).limit(10_000), ImportJob.class)
            .stream()
            .map(ImportJob::id)
            .toList();
    mongo.remove(Query.query(Criteria.where("importId").in(jobs)), ImportService.PROBLEMS);
    mongo.remove(Query.query(Criteria.where("_id").in(jobs)), ImportJob.class);
  }
}
