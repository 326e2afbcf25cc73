package org.infointerview.events.interviews;

import java.time.Instant;
import java.util.List;
import org.infointerview.events.IntegrationEvent;

/**
 * A student asks a person for an informational interview by email through the platform:
 * notifications-service delivers the message to the person's address, which neither the student nor
 * interviews-service ever sees.
 *
 * @param interviewId the interview's id (also the event subject)
 * @param studentId the student
 * @param studentDisplayName the name the person sees as the sender
 * @param contactId the person to write to (contacts-service's id)
 * @param message the text the student wrote, plain text
 * @param followUp whether this is a follow-up to an earlier request
 * @param requestedAt when
 * @param answerToken what the person's answer link carries (accept a time, propose others, decline,
 *     without an account): a secret for that person alone; readers put it only in the mail to them
 *     and never log it
 * @param answerExpiresAt when the answer link stops working
 * @param proposedTimes up to three times the student offers; empty when they offered none
 * @param version the interview's version after this change
 */
public record OutreachRequested(
    String interviewId,
    String studentId,
    String studentDisplayName,
    String contactId,
    String message,
    boolean followUp,
    Instant requestedAt,
    String answerToken,
    Instant answerExpiresAt,
    List<ProposedTime> proposedTimes,
    long version)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return interviewId;
  }
}
