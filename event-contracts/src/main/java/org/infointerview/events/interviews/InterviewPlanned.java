package org.infointerview.events.interviews;

import java.time.Instant;
import org.infointerview.events.IntegrationEvent;

/**
 * A student planned an informational interview with a contact: nobody has been asked yet.
 *
 * @param interviewId the interview's id (also the event subject)
 * @param studentId the student who plans it
 * @param contactId the person they want to talk to (contacts-service's id)
 * @param careerField the career field code it is about (from the taxonomy); optional
 * @param plannedAt when it was planned
 * @param version the interview's version after this change; consumers ignore older versions
 */
public record InterviewPlanned(
    String interviewId,
    String studentId,
    String contactId,
    String careerField,
    Instant plannedAt,
    long version)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return interviewId;
  }
}
