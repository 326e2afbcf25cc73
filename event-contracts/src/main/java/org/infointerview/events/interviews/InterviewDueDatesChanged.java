package org.infointerview.events.interviews;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.infointerview.events.IntegrationEvent;

/**
 * What is due for an interview changed: the times notifications-service reminds people of, as
 * interviews-service's own rules set them (a follow-up N days after a request, thanks within 48
 * hours, the keep-in-touch cadence, the student's action items). Published beside the step that
 * changed them, with the whole set each time: a reader keeps the latest version per interview and
 * needs no copy of those rules. A null time is nothing due (a wait that ended, a thank-you sent).
 *
 * @param interviewId the interview's id (also the event subject)
 * @param studentId the student, to be reminded
 * @param contactId the person the interview is with (reminded of the meeting too)
 * @param contactDisplayName how reminders name the person
 * @param meetingStartsAt the agreed time's start, while one is agreed and not yet held
 * @param followUpDueAt when to follow up on a request nobody answered
 * @param thankYouDueAt the thank-you's deadline, while it is not recorded
 * @param keepInTouchDueAt when to be in touch again
 * @param actionItemsDue the student's open action items that have a due day
 * @param version the interview's version after this change
 */
public record InterviewDueDatesChanged(
    String interviewId,
    String studentId,
    String contactId,
    String contactDisplayName,
    Instant meetingStartsAt,
    Instant followUpDueAt,
    Instant thankYouDueAt,
    Instant keepInTouchDueAt,
    List<ActionItemDue> actionItemsDue,
    long version)
    implements IntegrationEvent {

  /** An open action item, due on a day in the student's own calendar. */
  public record ActionItemDue(String text, LocalDate dueOn) {}

  @Override
  public String subject() {
    return interviewId;
  }
}
