package org.infointerview.events.interviews;

import java.time.Instant;
import org.infointerview.events.IntegrationEvent;

/**
 * The conversation took place. A thank-you is due within 48 hours.
 *
 * @param interviewId the interview's id (also the event subject)
 * @param studentId the student
 * @param contactId the person
 * @param completedAt when the student marked it done
 * @param thankYouDueAt completion + 48 hours
 * @param version the interview's version after this change
 */
public record InterviewCompleted(
    String interviewId,
    String studentId,
    String contactId,
    Instant completedAt,
    Instant thankYouDueAt,
    long version)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return interviewId;
  }
}
