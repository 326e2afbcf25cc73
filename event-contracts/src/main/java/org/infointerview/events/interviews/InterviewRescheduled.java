package org.infointerview.events.interviews;

import java.time.Instant;
import org.infointerview.events.IntegrationEvent;

/**
 * A scheduled interview moved to another time, place or mode; {@code sequence} grows by one, as an
 * iCalendar SEQUENCE does, so calendars replace the earlier time.
 *
 * @param interviewId the interview's id (also the event subject)
 * @param studentId the student
 * @param contactId the person
 * @param contactDisplayName how the student knows the person (invites and mail name them)
 * @param previousStart when it was to start
 * @param start when it starts now
 * @param durationMinutes 15 to 60
 * @param studentTimeZone the student's IANA time zone
 * @param contactTimeZone the person's IANA time zone
 * @param mode PHONE, VIDEO or IN_PERSON
 * @param where the number to call, the video link or the place; optional
 * @param sequence one more than the time it replaces
 * @param version the interview's version after this change
 */
public record InterviewRescheduled(
    String interviewId,
    String studentId,
    String contactId,
    String contactDisplayName,
    Instant previousStart,
    Instant start,
    int durationMinutes,
    String studentTimeZone,
    String contactTimeZone,
    String mode,
    String where,
    int sequence,
    long version)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return interviewId;
  }
}
