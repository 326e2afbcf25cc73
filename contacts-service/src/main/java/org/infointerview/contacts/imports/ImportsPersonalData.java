package org.infointerview.contacts.imports;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.infointerview.support.export.PersonalArchive;
import org.infointerview.support.export.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** In a person's export: the imports of their own contacts they ran (the newest 1,000). */
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
}
