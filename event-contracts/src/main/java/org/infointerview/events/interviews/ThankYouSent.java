package org.infointerview.events.interviews;

import java.time.Instant;
import org.infointerview.events.IntegrationEvent;

/**
 * The student thanked the person (reminders about the thank-you stop).
 *
 * @param interviewId the interview's id (also the event subject)
 * @param studentId the student
 * @param contactId the person
 * @param channel EMAIL, CARD, LINKEDIN or IN_PERSON
 * @param sentAt when
 * @param onTime whether it was within the 48 hours
 * @param version the interview's version after this change
 */
public record ThankYouSent(
    String interviewId,
    String studentId,
    String contactId,
    String channel,
    Instant sentAt,
    boolean onTime,
    long version)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return interviewId;
  }
}
