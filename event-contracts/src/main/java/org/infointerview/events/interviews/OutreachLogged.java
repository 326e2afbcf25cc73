package org.infointerview.events.interviews;

import java.time.Instant;
import org.infointerview.events.IntegrationEvent;

/**
 * A student reached out outside the platform's mail (a call, a voicemail, LinkedIn, in person) and
 * logged it.
 *
 * @param interviewId the interview's id (also the event subject)
 * @param studentId the student
 * @param contactId the person
 * @param channel PHONE, VOICEMAIL, LINKEDIN or IN_PERSON
 * @param followUp whether this followed an earlier attempt
 * @param at when
 * @param version the interview's version after this change
 */
public record OutreachLogged(
    String interviewId,
    String studentId,
    String contactId,
    String channel,
    boolean followUp,
    Instant at,
    long version)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return interviewId;
  }
}
