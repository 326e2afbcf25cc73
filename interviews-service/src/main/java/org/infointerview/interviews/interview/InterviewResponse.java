package org.infointerview.interviews.interview;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An interview as its student sees it, with what may happen next, the agreed time in both parties'
 * local time, and its outreach (attempts, when a follow-up is due, whether to give up, the times
 * offered and what the person answered).
 */
record InterviewResponse(
    String id,
    Contact contact,
    @Nullable String careerField,
    String purpose,
    InterviewStatus status,
    List<InterviewStatus> allowedNext,
    @Nullable AppointmentView appointment,
    @Nullable Instant completedAt,
    @Nullable Instant thankYouDueAt,
    @Nullable ThankYou thankYou,
    @Nullable String endReason,
    List<OutreachAttempt> attempts,
    @Nullable Instant followUpDueAt,
    long followUps,
    boolean noResponseSuggested,
    List<AppointmentView> offeredTimes,
    List<Answer> answers,
    @Nullable Preparation preparation,
    @Nullable Notes notes,
    List<Referral> referrals,
    @Nullable ReferralSource referredThrough,
    List<Interaction> interactions,
    @Nullable Integer keepInTouchEveryDays,
    @Nullable Instant keepInTouchDueAt,
    List<Step> history,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  record Contact(
      String contactId,
      String displayName,
      @Nullable String organizationName,
      @Nullable String jobTitle,
      @Nullable String timeZone) {}

  /**
   * @param studentLocalStart the start in the student's zone, for showing
   * @param contactLocalStart the start in the person's zone
   */
  record AppointmentView(
      Instant start,
      Instant end,
      int durationMinutes,
      String studentTimeZone,
      LocalDateTime studentLocalStart,
      String contactTimeZone,
      LocalDateTime contactLocalStart,
      MeetingMode mode,
      @Nullable String where,
      int sequence) {

    static AppointmentView of(Appointment a) {
      return new AppointmentView(
          a.start(),
          a.end(),
          a.durationMinutes(),
          a.studentTimeZone(),
          LocalDateTime.ofInstant(a.start(), ZoneId.of(a.studentTimeZone())),
          a.contactTimeZone(),
          LocalDateTime.ofInstant(a.start(), ZoneId.of(a.contactTimeZone())),
          a.mode(),
          a.where(),
          a.sequence());
    }
  }

  static InterviewResponse of(Interview interview, Instant now) {
    ContactRef c = interview.contact();
    return new InterviewResponse(
        interview.id(),
        new Contact(
            c.contactId(), c.displayName(), c.organizationName(), c.jobTitle(), c.timeZone()),
        interview.careerField(),
        interview.purpose(),
        interview.status(),
        interview.status().next().stream().sorted().toList(),
        interview.appointment() == null ? null : AppointmentView.of(interview.appointment()),
        interview.completedAt(),
        interview.thankYouDueAt(),
        interview.thankYou(),
        interview.endReason(),
        interview.attempts(),
        interview.followUpDueAt(),
        interview.followUps(),
        interview.noResponseSuggested(now),
        interview.offeredTimes().stream().map(AppointmentView::of).toList(),
        interview.answers(),
        interview.preparation(),
        interview.notes(),
        interview.referrals(),
        interview.referredThrough(),
        interview.interactions(),
        interview.keepInTouchEveryDays(),
        interview.keepInTouchDueAt(),
        interview.history(),
        interview.createdAt(),
        interview.updatedAt(),
        interview.currentVersion());
  }
}
