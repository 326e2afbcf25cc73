package org.infointerview.interviews.analytics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infointerview.interviews.contact.Contacts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Counts a cohort's interviews: those planned in a date range (and about a career field, of
 * students of some studies, when asked), as the sum of the slices of its days ({@link CohortDays}),
 * so that a report reads a document a day, whatever the number of interviews. Only counts are kept,
 * never notes, preparation or messages. A cohort of fewer than {@link #SMALLEST} students is
 * suppressed whole.
 */
@Service
class CohortAnalytics {

  /** The fewest students a cohort may have to be shown. */
  static final int SMALLEST = 5;

  private static final int TOP = 5;

  private final CohortDays days;
  private final CohortDaysSchedule schedule;
  private final Contacts contacts;

  CohortAnalytics(CohortDays days, CohortDaysSchedule schedule, Contacts contacts) {
    this.days = days;
    this.schedule = schedule;
    this.contacts = contacts;
  }

  CohortReport report(Cohort cohort) {
    if (days.reconciledAt() == null) {
      schedule.reconcileFirst();
    }
    CohortTally tally = new CohortTally();
    Instant counted =
        days.read(
            cohort.from(),
            cohort.to(),
            slice -> {
              if (cohort.counts(slice)) {
                tally.add(slice);
              }
            });
    if (tally.students.size() < SMALLEST) {
      return CohortReport.suppressed(cohort, counted);
    }
    return CohortReportBuilder.builder()
        .countedAt(counted)
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
        .medianDaysToMeeting(tally.medianDaysToMeeting())
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

  private static @Nullable Double rate(long part, long whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
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
