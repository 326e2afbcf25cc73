package org.infointerview.interviews.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * What a cohort report adds up, kept so that it can be added again: a day's interviews counted into
 * slices (one per career field and studies), and a report's range as the sum of its days' slices.
 * Everything counted is a count, a set of ids or a histogram, so a sum of slices is exactly what
 * one pass over the same interviews counts; the time from request to meeting is kept in whole
 * hours, as the report has always measured it.
 */
final class CohortTally {

  /** The fields of an interview this counts: never notes, preparation or messages. */
  static final List<String> FIELDS =
      List.of(
          "studentId",
          "status",
          "careerField",
          "createdAt",
          "contact.contactId",
          "contact.institutional",
          "contact.organizationName",
          "attempts.at",
          "answers.at",
          "appointment.start",
          "completedAt",
          "thankYou.onTime",
          "referrals.referralId");

  private static final Set<String> HELD = Set.of("COMPLETED", "THANKED");
  private static final Set<String> ANSWERED_STATES =
      Set.of("SCHEDULED", "COMPLETED", "THANKED", "DECLINED", "NO_SHOW");

  final Set<String> students = new HashSet<>();
  final Map<String, Long> byState = new LinkedHashMap<>();
  final Map<String, Long> careerFields = new HashMap<>();
  final Map<String, Long> organizations = new HashMap<>();
  final Map<String, Long> alumniAsked = new HashMap<>();

  /** Hours from the first request to the time agreed, and how many interviews took that long. */
  final Map<Long, Long> hoursToMeeting = new TreeMap<>();

  long interviews;
  long requested;
  long answered;
  long held;
  long thankedOnTime;
  long referrals;
  long noShows;

  /** Counts one interview, as the store holds its {@link #FIELDS}. */
  void count(Document interview) {
    interviews++;
    students.add(interview.getString("studentId"));
    String status = interview.getString("status");
    byState.merge(status, 1L, Long::sum);
    if (interview.getString("careerField") != null) {
      careerFields.merge(interview.getString("careerField"), 1L, Long::sum);
    }
    Document contact = interview.get("contact", Document.class);
    if (contact != null && contact.getString("organizationName") != null) {
      organizations.merge(contact.getString("organizationName").strip(), 1L, Long::sum);
    }
    Date firstRequest =
        list(interview, "attempts").stream()
            .map(a -> a.getDate("at"))
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .orElse(null);
    if (firstRequest != null) {
      requested++;
      if (!list(interview, "answers").isEmpty() || ANSWERED_STATES.contains(status)) {
        answered++;
      }
      if (contact != null && Boolean.TRUE.equals(contact.getBoolean("institutional"))) {
        alumniAsked.merge(contact.getString("contactId"), 1L, Long::sum);
      }
      Document appointment = interview.get("appointment", Document.class);
      if (appointment != null && appointment.getDate("start") != null) {
        long hours =
            Duration.between(firstRequest.toInstant(), appointment.getDate("start").toInstant())
                .toHours();
        hoursToMeeting.merge(hours, 1L, Long::sum);
      }
    }
    if (HELD.contains(status)
        || ("CLOSED".equals(status) && interview.get("completedAt") != null)) {
      held++;
      Document thanks = interview.get("thankYou", Document.class);
      if (thanks != null && Boolean.TRUE.equals(thanks.getBoolean("onTime"))) {
        thankedOnTime++;
      }
      referrals += list(interview, "referrals").size();
    }
    if ("NO_SHOW".equals(status)) {
      noShows++;
    }
  }

  /** Adds a slice that {@link #slice} wrote. */
  void add(Document slice) {
    interviews += slice.get("interviews", Number.class).longValue();
    requested += slice.get("requested", Number.class).longValue();
    answered += slice.get("answered", Number.class).longValue();
    held += slice.get("held", Number.class).longValue();
    thankedOnTime += slice.get("thankedOnTime", Number.class).longValue();
    referrals += slice.get("referrals", Number.class).longValue();
    noShows += slice.get("noShows", Number.class).longValue();
    students.addAll(slice.getList("students", String.class));
    addCounts(slice, "byState", byState);
    addCounts(slice, "careerFields", careerFields);
    addCounts(slice, "organizations", organizations);
    addCounts(slice, "alumni", alumniAsked);
    for (Document hours : slice.getList("hours", Document.class)) {
      hoursToMeeting.merge(
          hours.get("k", Number.class).longValue(),
          hours.get("n", Number.class).longValue(),
          Long::sum);
    }
  }

  /** This tally as a slice of a day, under its key (career field and studies). */
  Document slice(Document key) {
    Document slice = new Document(key);
    slice.append("interviews", interviews);
    slice.append("requested", requested);
    slice.append("answered", answered);
    slice.append("held", held);
    slice.append("thankedOnTime", thankedOnTime);
    slice.append("referrals", referrals);
    slice.append("noShows", noShows);
    slice.append("students", new ArrayList<>(students));
    slice.append("byState", counts(byState));
    slice.append("careerFields", counts(careerFields));
    slice.append("organizations", counts(organizations));
    slice.append("alumni", counts(alumniAsked));
    List<Document> hours = new ArrayList<>();
    hoursToMeeting.forEach((k, n) -> hours.add(new Document("k", k).append("n", n)));
    slice.append("hours", hours);
    return slice;
  }

  /** The middle of the days from request to meeting, to a tenth of a day; null: none met. */
  @Nullable Double medianDaysToMeeting() {
    long count = hoursToMeeting.values().stream().mapToLong(Long::longValue).sum();
    if (count == 0) {
      return null;
    }
    double median =
        count % 2 == 1 ? hoursAt(count / 2) : (hoursAt(count / 2 - 1) + hoursAt(count / 2)) / 2.0;
    return Math.round(median / 24.0 * 10) / 10.0;
  }

  /** The hours of the interview at this place (from 0) in the sorted order. */
  private long hoursAt(long place) {
    long seen = 0;
    for (Map.Entry<Long, Long> bucket : hoursToMeeting.entrySet()) {
      seen += bucket.getValue();
      if (place < seen) {
        return bucket.getKey();
      }
    }
    throw new IllegalStateException("no interview at " + place);
  }

  private static List<Document> counts(Map<String, Long> counts) {
    List<Document> list = new ArrayList<>();
    counts.forEach((k, n) -> list.add(new Document("k", k).append("n", n)));
    return list;
  }

  private static void addCounts(Document slice, String field, Map<String, Long> into) {
    for (Document count : slice.getList(field, Document.class)) {
      into.merge(count.getString("k"), count.get("n", Number.class).longValue(), Long::sum);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Document> list(Document document, String field) {
    Object value = document.get(field);
    return value instanceof List<?> list ? (List<Document>) list : List.of();
  }
}
