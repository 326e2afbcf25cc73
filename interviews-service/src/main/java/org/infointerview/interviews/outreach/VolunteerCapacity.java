package org.infointerview.interviews.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bson.Document;
import org.infointerview.messaging.store.GuardIndexes;
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
 * follow-up, a second round) is counted once. A claim whose request was never stored (the process
 * stopped between the two) is found and given back when the month looks full: one older than {@link
 * #IN_FLIGHT} whose interview did not ask that month.
 */
@Component
public class VolunteerCapacity {

  static final String COLLECTION = "request_counts";

  /** Longer than a claim and its request's write take: a younger claim may still be written. */
  static final Duration IN_FLIGHT = Duration.ofMinutes(1);

  private final MongoTemplate mongo;

  VolunteerCapacity(MongoTemplate mongo) {
    this.mongo = mongo;
    GuardIndexes.ensure(mongo, COLLECTION, "count", "_id_count");
  }

  /**
   * Counts this interview's request against the person's month.
   *
   * @param askedIn whether an interview's request was stored in the month of {@code now}: a full
   *     month's claims older than {@link #IN_FLIGHT} for which it says no are given back
   * @throws ConflictException (409, reason CAPACITY_REACHED, with {@code resetsAt}) when the month
   *     is full
   */
  public void claim(
      String contactId,
      String displayName,
      String interviewId,
      int most,
      Instant now,
      Predicate<String> askedIn) {
    String key = key(contactId, now);
    for (int attempt = 0; attempt < 100; attempt++) {
      Document month = mongo.findById(key, Document.class, COLLECTION);
      if (month == null) {
        try {
          mongo.insert(
              new Document("_id", key)
                  .append("count", 1)
                  .append("interviews", List.of(interviewId))
                  .append("claimedAt", new Document(interviewId, Date.from(now))),
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
      if (count >= most && givenBackAny(contactId, month, now, askedIn)) {
        continue;
      }
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
                      new Update()
                          .inc("count", 1)
                          .push("interviews", interviewId)
                          .set("claimedAt." + interviewId, Date.from(now)),
                      COLLECTION)
                  .getModifiedCount()
              == 1;
      if (won) {
        return;
      }
    }
    throw new IllegalStateException("Capacity of " + contactId + " is contended beyond reason");
  }

  /** Gives back the month's claims whose request was never stored; whether there were any. */
  private boolean givenBackAny(
      String contactId, Document month, Instant now, Predicate<String> askedIn) {
    Document claimedAt = month.get("claimedAt", Document.class);
    boolean any = false;
    for (String counted : month.getList("interviews", String.class, List.of())) {
      Date at = claimedAt == null ? null : claimedAt.getDate(counted);
      boolean settled = at == null || at.toInstant().plus(IN_FLIGHT).isBefore(now);
      if (settled && !askedIn.test(counted)) {
        release(contactId, counted, now);
        any = true;
      }
    }
    return any;
  }

  /** Gives back a claim whose request was not stored after all. */
  public void release(String contactId, String interviewId, Instant claimedAt) {
    mongo.updateFirst(
        Query.query(
            Criteria.where("_id").is(key(contactId, claimedAt)).and("interviews").is(interviewId)),
        new Update()
            .inc("count", -1)
            .pull("interviews", interviewId)
            .unset("claimedAt." + interviewId),
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
