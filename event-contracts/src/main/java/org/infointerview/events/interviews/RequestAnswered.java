package org.infointerview.events.interviews;

import java.time.Instant;
import java.util.List;
import org.infointerview.events.IntegrationEvent;

/**
 * The person answered a student's request: through the link in the request's mail (no account
 * needed) or signed in. An accepted time is also InterviewScheduled, which carries the appointment.
 *
 * @param interviewId the interview's id (also the event subject)
 * @param studentId the student who asked, to be told
 * @param contactId the person who answered
 * @param contactDisplayName how the student knows them
 * @param answer ACCEPTED (one of the student's times), PROPOSED (other times) or DECLINED
 * @param message what the person wrote with the answer, plain text; null when nothing
 * @param acceptedStart the start of the student's time they accepted (ACCEPTED); null otherwise
 * @param proposedTimes the times the person offers instead (PROPOSED); empty otherwise
 * @param via LINK (the answer link) or ACCOUNT (signed in to the platform)
 * @param answeredAt when
 * @param version the interview's version after this change
 */
public record RequestAnswered(
    String interviewId,
    String studentId,
    String contactId,
    String contactDisplayName,
    String answer,
    String message,
    Instant acceptedStart,
    List<ProposedTime> proposedTimes,
    String via,
    Instant answeredAt,
    long version)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return interviewId;
  }
}
