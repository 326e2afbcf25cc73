package org.infointerview.interviews.interview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a student has to do and what is coming, in one answer, times in their own zone.
 *
 * @param timeZone the zone local times are given in: the student's sign-in zone, else UTC
 * @param upcoming agreed times still ahead, soonest first
 * @param thankYousDue thank-yous not yet recorded, with the hours left (negative: overdue)
 * @param actionItemsDue open action items from notes, due within a week or overdue
 * @param followUpsDue requests whose follow-up is due, and whether to give up
 * @param keepInTouchDue people it is time to be in touch with again
 * @param waitingForAnswer requests the person has not answered yet
 * @param timesProposed requests the person answered with other times: pick one and schedule it
 * @param counts interviews per state
 */
record DashboardResponse(
    String timeZone,
    List<Upcoming> upcoming,
    List<ThankYouDue> thankYousDue,
    List<ActionItemDue> actionItemsDue,
    List<FollowUpDue> followUpsDue,
    List<Due> keepInTouchDue,
    List<Due> waitingForAnswer,
    List<TimesProposed> timesProposed,
    Map<InterviewStatus, Long> counts) {

  record Upcoming(
      String interviewId,
      String contactName,
      Instant start,
      LocalDateTime localStart,
      int durationMinutes,
      MeetingMode mode,
      @Nullable String where) {}

  record ThankYouDue(String interviewId, String contactName, Instant dueAt, long hoursLeft) {}

  record ActionItemDue(
      String interviewId,
      String contactName,
      String text,
      @Nullable LocalDate dueOn,
      boolean overdue) {}

  record FollowUpDue(
      String interviewId,
      String contactName,
      Instant dueAt,
      long followUps,
      boolean giveUpSuggested) {}

  /** The person's times, local in the student's zone. */
  record TimesProposed(
      String interviewId,
      String contactName,
      @Nullable String message,
      List<LocalDateTime> localStarts,
      List<Answer.TimeProposal> times) {}

  record Due(String interviewId, String contactName, @Nullable Instant dueAt) {}
}
