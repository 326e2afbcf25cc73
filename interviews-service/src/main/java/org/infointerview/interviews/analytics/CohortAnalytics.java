package org.infointerview.interviews.analytics;

import java.time.Duration;
import java.time.ZoneOffset;
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
import java.util.stream.Stream;
import org.bson.Document;
import org.infointerview.interviews.contact.Contacts;
import org.infointerview.interviews.student.Students;
import org.infointerview.messaging.store.StorePages;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Counts a cohort's interviews: those planned in a date range (and about a career field, when
 * asked), read a page at a time with only the fields counted (never notes, preparation or
 * messages). A cohort of fewer than {@link #SMALLEST} students is suppressed whole.
 */
@Service
class CohortAnalytics {

  /** The fewest students a cohort may have to be shown. */
  static final int SMALLEST = 5;

  private static final int TOP = 5;
  private static final String INTERVIEWS = "interviews";
  private static final Set<String> HELD = Set.of("COMPLETED", "THANKED");
  private static final Set<String> ANSWERED_STATES =
      Set.of("SCHEDULED", "COMPLETED", "THANKED", "DECLINED", "NO_SHOW");

  private final MongoTemplate mongo;

  private final Contacts contacts;
  private final Students students;

  CohortAnalytics(MongoTemplate mongo, Contacts contacts, Students students) {
    this.mongo = mongo;
    this.contacts = contacts;
    this.students = students;
  }

  CohortReport report(Cohort cohort) {
    Criteria criteria =
        Criteria.where("createdAt")
            .gte(cohort.from().atStartOfDay(ZoneOffset.UTC).toInstant())
            .lt(cohort.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    if (cohort.careerField() != null) {
      criteria = criteria.and("careerField").is(cohort.careerField());
    }
    if (cohort.byStudies()) {
      Set<String> ofStudies =
          students.matching(cohort.classYear(), cohort.major(), cohort.program());
      if (ofStudies.size() < SMALLEST) {
        return CohortReport.suppressed(cohort);
      }
      criteria = criteria.and("studentId").in(ofStudies);
    }
    Query query = Query.query(criteria);
    query
        .fields()
        .include(
            "studentId",
            "status",
            "careerField",
            "contact.contactId",
            "contact.institutional",
            "contact.organizationName",
            "attempts.at",
            "answers.at",
            "appointment.start",
            "completedAt",
            "thankYou.onTime",
            "referrals.referralId",
            "history.to");

    Tally tally = new Tally();
    try (Stream<Document> interviews =
        StorePages.stream(mongo, query, Document.class, INTERVIEWS, StorePages.DEFAULT_SIZE)) {
      interviews.forEach(tally::add);
    }
    if (tally.students.size() < SMALLEST) {
      return CohortReport.suppressed(cohort);
    }
    return CohortReportBuilder.builder()
        .from(cohort.from())
        .to(cohort.to())
        .careerField(cohort.careerField())
        .classYear(cohort.classYear())
        .major(cohort.major())
        .program(cohort.program())
        .suppressed(false)
        .students((long) tally.students.size())
        .interviews(tally.interviews)
        .byState(tally.byState)
        .requestsSent(tally.requested)
        .answerRate(rate(tally.answered, tally.requested))
        .medianDaysToMeeting(median(tally.daysToMeeting))
        .thankYouOnTimeRate(rate(tally.thankedOnTime, tally.held))
        .referralsPerConversation(
            tally.held == 0 ? null : Math.round(100.0 * tally.referrals / tally.held) / 100.0)
        .noShows(tally.noShows)
        .topCareerFields(top(tally.careerFields))
        .topOrganizations(top(tally.organizations))
        .alumniAsked((long) tally.alumniAsked.size())
        .alumniLoad(load(tally.alumniAsked))
        .volunteers(contacts.volunteers())
        .build();
  }

  /** What one page-at-a-time pass adds up. */
  private static final class Tally {
    final Set<String> students = new HashSet<>();
    final Map<String, Long> byState = new LinkedHashMap<>();
    final Map<String, Long> careerFields = new HashMap<>();
    final Map<String, Long> organizations = new HashMap<>();
    final Map<String, Long> alumniAsked = new HashMap<>();
    final List<Double> daysToMeeting = new ArrayList<>();
    long interviews;
    long requested;
    long answered;
    long held;
    long thankedOnTime;
    long referrals;
    long noShows;

    void add(Document interview) {
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
      List<Document> attempts = list(interview, "attempts");
      Date firstRequest =
          attempts.stream()
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
          daysToMeeting.add(
              Duration.between(firstRequest.toInstant(), appointment.getDate("start").toInstant())
                      .toHours()
                  / 24.0);
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
  }

  @SuppressWarnings("unchecked")
  private static List<Document> list(Document document, String field) {
    Object value = document.get(field);
    return value instanceof List<?> list ? (List<Document>) list : List.of();
  }

  private static @Nullable Double rate(long part, long whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
  }

  private static @Nullable Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    double median =
        sorted.size() % 2 == 1
            ? sorted.get(middle)
            : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    return Math.round(median * 10) / 10.0;
  }

  private static List<CohortReport.Count> top(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP)
        .map(e -> new CohortReport.Count(e.getKey(), e.getValue()))
        .toList();
  }

  /** How many alumni were asked once, two or three times, four times or more. */
  private static Map<String, Long> load(Map<String, Long> asked) {
    Map<String, Long> load = new LinkedHashMap<>();
    load.put("once", asked.values().stream().filter(n -> n == 1).count());
    load.put("twoOrThree", asked.values().stream().filter(n -> n == 2 || n == 3).count());
    load.put("fourOrMore", asked.values().stream().filter(n -> n >= 4).count());
    return load;
  }
}
