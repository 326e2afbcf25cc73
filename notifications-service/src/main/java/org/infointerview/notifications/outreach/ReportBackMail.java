package org.infointerview.notifications.outreach;

import java.util.Map;
import org.infointerview.notifications.contact.PersonReaders;
import org.infointerview.notifications.contact.UnsubscribeLinks;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.notifications.delivery.MailTemplates;
import org.infointerview.notifications.delivery.MessagePreparer;
import org.infointerview.notifications.inbox.Inbox;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step 6, report back: what came of the person's advice, in the student's words, to the person
 * ({@code ReportBackSent}, queued by {@link OutreachListener}), made when first tried from what
 * contacts-service says then: their address (never shown to the student), name and language, and
 * the same one-click unsubscribe as a request. The student learns in their inbox when it cannot go.
 */
@Component
class ReportBackMail implements MessagePreparer {

  static final String KIND = "REPORT_BACK";

  /** ReportBackSent, as read here. */
  record ReportBack(
      String interviewId,
      String studentId,
      String studentDisplayName,
      String contactId,
      String message) {}

  private final JsonMapper json;
  private final PersonReaders readers;
  private final UnsubscribeLinks unsubscribeLinks;
  private final MailTemplates templates;
  private final Inbox inbox;

  ReportBackMail(
      JsonMapper json,
      PersonReaders readers,
      UnsubscribeLinks unsubscribeLinks,
      MailTemplates templates,
      Inbox inbox) {
    this.json = json;
    this.readers = readers;
    this.unsubscribeLinks = unsubscribeLinks;
    this.templates = templates;
    this.inbox = inbox;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Outcome prepare(String contactId, String facts) throws NotYet {
    ReportBack report = json.readValue(facts, ReportBack.class);
    PersonReaders.Reader person;
    try {
      person = readers.reader(contactId, report.studentId());
    } catch (PersonReaders.Refused refused) {
      return refused.outcome();
    }
    String unsubscribe = unsubscribeLinks.issue(person.address().contactId());
    return person.mail(
        templates,
        "report-back",
        "report-back.subject",
        Map.of(
            "contactName", person.address().displayName(),
            "studentName", report.studentDisplayName(),
            "message", report.message(),
            "unsubscribeLink", unsubscribe),
        unsubscribe,
        report.studentDisplayName());
  }

  /** The student learns, in their inbox, that their report did not reach the person. */
  @Override
  public void givenUp(String contactId, String facts, String reason) {
    ReportBack report = json.readValue(facts, ReportBack.class);
    inbox.add(
        Deliveries.handle(KIND + "-undelivered|" + report.interviewId() + "|" + facts.hashCode()),
        report.studentId(),
        "REPORT_BACK_UNDELIVERED",
        "Your report-back could not be delivered",
        "What you wrote about their advice could not be delivered by email ("
            + reason
            + "). Tell them another way: they will be glad to hear it.");
  }
}
