package org.infointerview.interviews.student;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.infointerview.messaging.consumer.ReadModels;
import org.infointerview.messaging.store.StorePages;
import org.infointerview.support.personal.ErasedPeople;
import org.infointerview.support.personal.PersonalArchive;
import org.infointerview.support.personal.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Students' studies as their profiles last said them: who is in a cohort (a class year, a major, a
 * program), and who graduated by a year. In a student's export; gone when they are erased.
 */
@Component
public class Students implements PersonalData {

  static final String COLLECTION = "students";

  private final MongoTemplate mongo;
  private final ErasedPeople erased;
  private final ApplicationEventPublisher publisher;

  Students(MongoTemplate mongo, ErasedPeople erased, ApplicationEventPublisher publisher) {
    this.mongo = mongo;
    this.erased = erased;
    this.publisher = publisher;
    ReadModels.prepare(mongo, COLLECTION, "profileVersion");
  }

  /**
   * A profile: kept while its roles say STUDENT; one of someone erased since is not. When the
   * student's studies are other than they were, {@link StudiesChanged} is said.
   */
  void profile(StudentProfilesListener.Profile profile) {
    if (erased.covers(profile.userId(), profile.version())) {
      return;
    }
    Document before = studiesOf(profile.userId());
    apply(profile);
    if (!before.equals(studiesOf(profile.userId()))) {
      publisher.publishEvent(new StudiesChanged(profile.userId()));
    }
  }

  private Document studiesOf(String studentId) {
    Document stored = mongo.findById(studentId, Document.class, COLLECTION);
    Document studies = new Document();
    if (stored != null) {
      for (String field : List.of("classYear", "major", "program")) {
        studies.append(field, stored.get(field));
      }
    }
    return studies;
  }

  private void apply(StudentProfilesListener.Profile profile) {
    if (profile.roles().contains("STUDENT")) {
      ReadModels.upsertIfNewer(
          mongo,
          COLLECTION,
          profile.userId(),
          "profileVersion",
          profile.version(),
          new Update()
              .set("classYear", profile.classYear())
              .set("major", profile.major())
              .set("program", profile.program()));
    } else {
      mongo.remove(
          Query.query(
              Criteria.where("_id")
                  .is(profile.userId())
                  .and("profileVersion")
                  .lt(profile.version())),
          COLLECTION);
    }
  }

  /**
   * The students whose studies match every filter given (null: any); a text filter matches case
   * aside.
   */
  public Set<String> matching(
      @Nullable Integer classYear, @Nullable String major, @Nullable String program) {
    Criteria criteria = new Criteria();
    if (classYear != null) {
      criteria = criteria.and("classYear").is(classYear);
    }
    if (major != null) {
      criteria = criteria.and("major").regex("^" + Pattern.quote(major) + "$", "i");
    }
    if (program != null) {
      criteria = criteria.and("program").regex("^" + Pattern.quote(program) + "$", "i");
    }
    Set<String> ids = new HashSet<>();
    try (Stream<Document> found =
        StorePages.stream(
            mongo, Query.query(criteria), Document.class, COLLECTION, StorePages.DEFAULT_SIZE)) {
      found.forEach(d -> ids.add(d.getString("_id")));
    }
    return ids;
  }

  /** A student and the year they graduated. */
  public record Graduate(String studentId, int classYear) {}

  /** The students whose class year is this one or earlier. */
  public List<Graduate> graduatedBy(int classYear) {
    try (Stream<Document> found =
        StorePages.stream(
            mongo,
            Query.query(Criteria.where("classYear").lte(classYear)),
            Document.class,
            COLLECTION,
            StorePages.DEFAULT_SIZE)) {
      return found
          .map(d -> new Graduate(d.getString("_id"), d.get("classYear", Number.class).intValue()))
          .toList();
    }
  }

  @Override
  public void export(CurrentUser person, PersonalArchive archive) throws IOException {
    Document studies = mongo.findById(person.id(), Document.class, COLLECTION);
    if (studies != null) {
      studies.remove("_id");
      studies.remove("profileVersion");
    }
    archive.json("studies.json", studies);
  }

  @Override
  public void erase(String personId) {
    mongo.remove(Query.query(Criteria.where("_id").is(personId)), COLLECTION);
  }
}
