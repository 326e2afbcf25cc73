package org.infointerview.events.interviews;

import java.time.Instant;
import org.infointerview.events.IntegrationEvent;

/**
 * A time was agreed for an interview: the first, or a new one (then {@code sequence} grows, as an
 * iCalendar SEQUENCE does, and calendars replace the earlier time).
 *
 * @param interviewId the interview's id (also the event subject)
 * @param studentId the student
 * @param contactId the person they talk to
 * @param contactDisplayName how the student knows the person (invites and mail name them)
 * @param start when it starts (an instant; each side shows it in their own zone)
 * @param durationMinutes 15 to 60
 * @param studentTimeZone the student's IANA time zone
 * @param contactTimeZone the person's IANA time zone
 * @param mode PHONE, VIDEO or IN_PERSON
 * @param where the number to call, the video link or the place; optional
 * @param sequence 0 for the first time agreed, one more for each new time
 * @param version the interview's version after this change
 */
public record InterviewScheduled(
    String interviewId,
    String studentId,
    String contactId,
    String contactDisplayName,
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
