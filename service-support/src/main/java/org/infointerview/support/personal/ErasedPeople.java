package org.infointerview.support.personal;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/**
 * The people erased from this service, as the fact only (their id, the profile version and time of
 * the erasure, its reference), so that an older fact about them arriving again (a topic read anew,
 * a consumer group started from the beginning) is recognized and dropped instead of bringing back
 * what was erased. Facts made after the erasure (a later sign-in) pass.
 */
public class ErasedPeople {

  static final String COLLECTION = "erased_people";

  private final MongoTemplate mongo;

  ErasedPeople(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Whether a profile fact of this version is of the erased person (this version or older). */
  public boolean covers(String personId, long profileVersion) {
    Document erased = mongo.findById(personId, Document.class, COLLECTION);
    return erased != null && profileVersion <= erased.get("version", Number.class).longValue();
  }

  /** Whether a fact about the person made at this time was made before they were erased. */
  public boolean covers(String personId, Instant factTime) {
    Document erased = mongo.findById(personId, Document.class, COLLECTION);
    return erased != null && !factTime.isAfter(erased.getDate("erasedAt").toInstant());
  }

  /**
   * Whether this fact about a student (the {@code studentId} of its data) was made before the
   * student was erased: a fact about an interview they no longer have, read again.
   */
  public boolean coversStudentOf(IncomingEvent event) {
    JsonNode student = event.data().get("studentId");
    return student != null && student.isString() && covers(student.asString(), event.time());
  }

  /** Records the erasure; a later one (a person erased again after signing in anew) replaces it. */
  void record(String personId, long version, String reference, Instant erasedAt) {
    mongo.upsert(
        Query.query(Criteria.where("_id").is(personId).and("version").lt(version)),
        new Update()
            .set("version", version)
            .set("reference", reference)
            .set("erasedAt", Date.from(erasedAt)),
        COLLECTION);
  }
}
