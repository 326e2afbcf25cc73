package org.infointerview.interviews.interview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.infointerview.messaging.store.StorePages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each student's interview ids, in a document keyed by the student: the lists, the dashboard and
 * the clash check read a student's interviews by {@code _id}. Embedded-store workaround: it uses
 * unique indexes only, so a query by {@code studentId} reads the whole collection (seconds at
 * 50,000 interviews), while {@code _id $in} is answered from the {@code _id} index. An id is added
 * before its interview is written, so a crash between the two leaves an id that finds nothing,
 * never an interview that is not listed. Built once from the interviews when it is empty.
 */
@Component
class StudentInterviews {

  static final String COLLECTION = "student_interviews";
  private static final Logger log = LoggerFactory.getLogger(StudentInterviews.class);

  private final MongoTemplate mongo;

  StudentInterviews(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  void add(String studentId, String interviewId) {
    mongo.upsert(
        Query.query(Criteria.where("_id").is(studentId)),
        new Update().addToSet("ids", interviewId),
        COLLECTION);
  }

  /** The student's interview ids; empty for a student without any. */
  List<String> of(String studentId) {
    Document mine = mongo.findById(studentId, Document.class, COLLECTION);
    return mine == null ? List.of() : mine.getList("ids", String.class, List.of());
  }

  /** At start: built from the interviews when missing (a store from before it existed). */
  @EventListener(ApplicationReadyEvent.class)
  void buildWhenMissing() {
    if (mongo.getCollection(COLLECTION).estimatedDocumentCount() > 0
        || mongo.getCollection(Interview.COLLECTION).estimatedDocumentCount() == 0) {
      return;
    }
    rebuild();
  }

  /** Adds every interview's id to its student, a page of interviews at a time. */
  void rebuild() {
    Query all = new Query();
    all.fields().include("studentId");
    long added = 0;
    Map<String, List<String>> page = new LinkedHashMap<>();
    try (Stream<Document> interviews =
        StorePages.stream(
            mongo, all, Document.class, Interview.COLLECTION, StorePages.DEFAULT_SIZE)) {
      for (Document interview : (Iterable<Document>) interviews::iterator) {
        page.computeIfAbsent(interview.getString("studentId"), s -> new ArrayList<>())
            .add(idOf(interview.get("_id")));
        if (++added % StorePages.DEFAULT_SIZE == 0) {
          flush(page);
        }
      }
    }
    flush(page);
    log.info("Listed {} interviews by student", added);
  }

  /** Interview ids are stored as ObjectIds (Spring's mapping of a hex string id). */
  private static String idOf(Object id) {
    return id instanceof ObjectId objectId ? objectId.toHexString() : id.toString();
  }

  private void flush(Map<String, List<String>> page) {
    page.forEach(
        (student, ids) ->
            mongo.upsert(
                Query.query(Criteria.where("_id").is(student)),
                new Update().addToSet("ids").each(ids.toArray()),
                COLLECTION));
    page.clear();
  }
}
