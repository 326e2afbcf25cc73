package org.infointerview.interviews.interview;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * A request as the person asked sees it, through the mail's link or signed in: who asks, why, what
 * they wrote and the times they offer, in the person's zone. Nothing else of the student's (no
 * notes, no other interviews, no address).
 *
 * @param from the student's name as the sender
 * @param school the university the student is at
 * @param message the last request's text
 * @param offeredTimes the student's times; accept one by its {@code index}
 * @param timeZone the zone the local times are in: the person's, else the student's
 * @param awaitingAnswer whether an answer is still expected
 * @param appointment the time agreed, once there is one
 * @param answers what the person answered so far
 * @param linkExpiresAt when the link shown in the mail stops working (through the link only)
 */
record RequestView(
    String interviewId,
    String from,
    String school,
    String purpose,
    @Nullable String careerField,
    @Nullable String message,
    List<OfferedTime> offeredTimes,
    String timeZone,
    InterviewStatus status,
    boolean awaitingAnswer,
    InterviewResponse.@Nullable AppointmentView appointment,
    List<Answer> answers,
    @Nullable Instant requestedAt,
    @Nullable Instant linkExpiresAt) {

  /** A time the student offers, in the person's zone. */
  record OfferedTime(
      int index,
      Instant start,
      Instant end,
      int durationMinutes,
      LocalDateTime localStart,
      MeetingMode mode,
      @Nullable String where) {}

  static RequestView of(Interview interview, String school, @Nullable Instant linkExpiresAt) {
    String zone =
        interview.contact().timeZone() != null
            ? interview.contact().timeZone()
            : interview.offeredTimes().isEmpty()
                ? "UTC"
                : interview.offeredTimes().get(0).studentTimeZone();
    List<Appointment> offered = interview.offeredTimes();
    List<OfferedTime> times =
        IntStream.range(0, offered.size())
            .mapToObj(
                i -> {
                  Appointment a = offered.get(i);
                  return new OfferedTime(
                      i,
                      a.start(),
                      a.end(),
                      a.durationMinutes(),
                      LocalDateTime.ofInstant(a.start(), ZoneId.of(zone)),
                      a.mode(),
                      a.where());
                })
            .toList();
    OutreachAttempt last = interview.lastRequestByEmail();
    return new RequestView(
        interview.id(),
        interview.studentName() == null ? "A student" : interview.studentName(),
        school,
        interview.purpose(),
        interview.careerField(),
        last == null ? null : last.message(),
        times,
        zone,
        interview.status(),
        interview.awaitsAnswer(),
        interview.appointment() == null
            ? null
            : InterviewResponse.AppointmentView.of(interview.appointment()),
        interview.answers(),
        last == null ? null : last.at(),
        linkExpiresAt);
  }
}
