package org.infointerview.interviews.outreach;

import com.mongodb.client.model.IndexOptions;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.infointerview.support.problem.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each volunteer's monthly capacity ({@code maxRequestsPerMonth}), counted across all students: one
 * document per person and calendar month (UTC) holding the interviews that asked. A claim is a
 * compare-and-set on the count read, so two students racing for the last place cannot both get it;
 * the loser reads again and finds it full. An interview that asks again in the same month (a
 * follow-up, a second round) is counted once.
 */
@Component
public class VolunteerCapacity {

  static final String COLLECTION = "request_counts";

  private final MongoTemplate mongo;
  private final AtomicBoolean indexed = new AtomicBoolean();

  VolunteerCapacity(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * Counts this interview's request against the person's month.
   *
   * @throws ConflictException (409, reason CAPACITY_REACHED, with {@code resetsAt}) when the month
   *     is full
   */
  public void claim(
      String contactId, String displayName, String interviewId, int most, Instant now) {
    String key = key(contactId, now);
    if (indexed.compareAndSet(false, true)) {
      // Embedded-store workaround: it answers a query from a unique index with exactly the
      // query's keys only (never from _id alone when the query names more); MongoDB uses _id.
      mongo
          .getCollection(COLLECTION)
          .createIndex(
              new Document("_id", 1).append("count", 1),
              new IndexOptions().unique(true).name("_id_count"));
    }
    for (int attempt = 0; attempt < 100; attempt++) {
      Document month = mongo.findById(key, Document.class, COLLECTION);
      if (month == null) {
        try {
          mongo.insert(
              new Document("_id", key)
                  .append("count", 1)
                  .append("interviews", List.of(interviewId)),
              COLLECTION);
          return;
        } catch (DuplicateKeyException raced) {
          continue;
        }
      }
      List<String> counted = month.getList("interviews", String.class, List.of());
      if (counted.contains(interviewId)) {
        return;
      }
      int count = month.getInteger("count", 0);
      if (count >= most) {
        Instant resets =
            YearMonth.from(now.atZone(ZoneOffset.UTC))
                .plusMonths(1)
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        throw new ConflictException(
            "CAPACITY_REACHED",
            displayName
                + " has been asked as often this month as they agreed to ("
                + most
                + "); ask again from "
                + resets
                + ", or ask someone else.",
            Map.of("resetsAt", resets.toString()));
      }
      boolean won =
          mongo
                  .updateFirst(
                      Query.query(Criteria.where("_id").is(key).and("count").is(count)),
                      new Update().inc("count", 1).push("interviews", interviewId),
                      COLLECTION)
                  .getModifiedCount()
              == 1;
      if (won) {
        return;
      }
    }
    throw new IllegalStateException("Capacity of " + contactId + " is contended beyond reason");
  }

  /** Gives back a claim whose request was not stored after all. */
  public void release(String contactId, String interviewId, Instant claimedAt) {
    mongo.updateFirst(
        Query.query(
            Criteria.where("_id").is(key(contactId, claimedAt)).and("interviews").is(interviewId)),
        new Update().inc("count", -1).pull("interviews", interviewId),
        COLLECTION);
  }

  /** Requests counted for the person in the month of {@code now}. */
  public int counted(String contactId, Instant now) {
    Document month = mongo.findById(key(contactId, now), Document.class, COLLECTION);
    return month == null ? 0 : month.getInteger("count", 0);
  }

  private static String key(String contactId, Instant now) {
    return contactId + "|" + YearMonth.from(now.atZone(ZoneOffset.UTC));
  }
}
