package org.infointerview.events.interviews;

import java.time.Instant;
import org.infointerview.events.IntegrationEvent;

/**
 * An interview will not happen: the student called it off, or the person withdrew their consent.
 *
 * @param interviewId the interview's id (also the event subject)
 * @param studentId the student
 * @param contactId the person
 * @param contactDisplayName how the student knows the person (invites and mail name them)
 * @param reason why, in the words of whoever cancelled
 * @param wasScheduled whether a time had been agreed (calendars then cancel the event)
 * @param start the agreed time's start that is cancelled; null when none was agreed
 * @param sequence the appointment's sequence at cancellation (the calendar's SEQUENCE + 1)
 * @param cancelledAt when
 * @param version the interview's version after this change
 */
public record InterviewCancelled(
    String interviewId,
    String studentId,
    String contactId,
    String contactDisplayName,
    String reason,
    boolean wasScheduled,
    Instant start,
    int sequence,
    Instant cancelledAt,
    long version)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return interviewId;
  }
}
