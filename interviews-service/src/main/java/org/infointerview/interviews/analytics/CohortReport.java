package org.infointerview.interviews.analytics;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a cohort's interviews went: counts and rates only. When the cohort has fewer than {@link
 * CohortAnalytics#SMALLEST} students, {@code suppressed} is true and every figure is null, so that
 * nobody can be singled out.
 *
 * @param countedAt every change to the interviews before this time is in the figures (the days are
 *     counted again a few seconds after a change)
 * @param from the first day of the range (interviews planned from then on, UTC)
 * @param to the last day of the range
 * @param careerField the filter, if one was asked
 * @param classYear the students' class year, if asked
 * @param major the students' major, if asked
 * @param program the students' program, if asked
 * @param students distinct students with an interview in the range
 * @param byState interviews by where they stand now
 * @param requestsSent interviews in which the student asked the person (by mail or otherwise)
 * @param answerRate of the requests sent, the share the person answered (accepted, proposed,
 *     declined, or a time agreed)
 * @param medianDaysToMeeting from the first request to the time agreed, the middle value
 * @param thankYouOnTimeRate of the conversations held, the share thanked within 48 hours
 * @param referralsPerConversation referrals ("who else should I talk to?") per conversation held
 * @param noShows conversations that did not take place at the time agreed
 * @param topCareerFields the most asked-about career fields, with their interviews
 * @param topOrganizations the organizations of the people asked most, with their interviews
 * @param alumniAsked distinct alumni and volunteers of the directory asked
 * @param alumniLoad how many of them were asked once, two or three times, four times or more
 * @param volunteers alumni and professionals who volunteer now (opted in)
 */
@RecordBuilder
record CohortReport(
    Instant countedAt,
    LocalDate from,
    LocalDate to,
    @Nullable String careerField,
    @Nullable Integer classYear,
    @Nullable String major,
    @Nullable String program,
    boolean suppressed,
    @Nullable String suppressedBecause,
    @Nullable Long students,
    @Nullable Long interviews,
    @Nullable Map<String, Long> byState,
    @Nullable Long requestsSent,
    @Nullable Double answerRate,
    @Nullable Double medianDaysToMeeting,
    @Nullable Double thankYouOnTimeRate,
    @Nullable Double referralsPerConversation,
    @Nullable Long noShows,
    @Nullable List<Count> topCareerFields,
    @Nullable List<Count> topOrganizations,
    @Nullable Long alumniAsked,
    @Nullable Map<String, Long> alumniLoad,
    @Nullable Long volunteers) {

  /** A name and how many interviews it had. */
  record Count(String name, long interviews) {}

  static CohortReport suppressed(Cohort cohort, Instant countedAt) {
    return CohortReportBuilder.builder()
        .countedAt(countedAt)
        .from(cohort.from())
        .to(cohort.to())
        .careerField(cohort.careerField())
        .classYear(cohort.classYear())
        .major(cohort.major())
        .program(cohort.program())
        .suppressed(true)
        .suppressedBecause("fewer than " + CohortAnalytics.SMALLEST + " students")
        .build();
  }
}
