package org.infointerview.events.interviews;

import java.time.Instant;
import org.infointerview.events.IntegrationEvent;

/**
 * A student tells the person they talked to what came of their advice ("I took the SQL course you
 * suggested; ..."): notifications-service delivers it, the person's address staying hidden.
 *
 * @param interviewId the interview's id (also the event subject)
 * @param studentId the student
 * @param studentDisplayName the name the person sees as the sender
 * @param contactId the person to write to
 * @param message plain text
 * @param sentAt when
 * @param version the interview's version after this change
 */
public record ReportBackSent(
    String interviewId,
    String studentId,
    String studentDisplayName,
    String contactId,
    String message,
    Instant sentAt,
    long version)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return interviewId;
  }
}
