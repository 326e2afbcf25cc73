package org.infointerview.notifications.reminder;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.infointerview.notifications.contact.PersonReaders;
import org.infointerview.notifications.contact.UnsubscribeLinks;
import org.infointerview.notifications.delivery.MailTemplates;
import org.infointerview.notifications.delivery.MessagePreparer;
import org.infointerview.notifications.recipient.Recipients;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The person's reminder of a conversation agreed with a student, a day and an hour before: made
 * when due, at the address contacts-service gives then, in their language and zone, naming the
 * student, with their unsubscribe link.
 */
@Component
class PersonReminderMail implements MessagePreparer {

  static final String KIND = "REMINDER_TO_PERSON";

  /**
   * What it is made from.
   *
   * @param reminder PERSON_MEETING_DAY or PERSON_MEETING_HOUR
   */
  record Facts(
      String reminder,
      String interviewId,
      String studentId,
      String contactId,
      Instant meetingStartsAt) {}

  private final JsonMapper json;
  private final PersonReaders readers;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final UnsubscribeLinks unsubscribeLinks;

  PersonReminderMail(
      JsonMapper json,
      PersonReaders readers,
      Recipients recipients,
      MailTemplates templates,
      UnsubscribeLinks unsubscribeLinks) {
    this.json = json;
    this.readers = readers;
    this.recipients = recipients;
    this.templates = templates;
    this.unsubscribeLinks = unsubscribeLinks;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Outcome prepare(String contactId, String factsJson) throws NotYet {
    Facts facts = json.readValue(factsJson, Facts.class);
    PersonReaders.Reader person;
    try {
      person = readers.reader(contactId, facts.studentId());
    } catch (PersonReaders.Refused refused) {
      return refused.outcome();
    }
    String studentName = recipients.studentName(facts.studentId());
    String unsubscribe = unsubscribeLinks.issue(person.address().contactId());
    Map<String, Object> values = new HashMap<>();
    values.put("readerName", person.address().displayName());
    values.put("otherName", studentName);
    values.put("kind", facts.reminder());
    values.put("whenLocal", person.reads().time(facts.meetingStartsAt()));
    values.put("timeZone", person.reads().zone().getId());
    values.put("item", "");
    values.put("link", "");
    values.put("forPerson", true);
    values.put("unsubscribeLink", unsubscribe);
    return person.mail(
        templates,
        "reminder",
        "reminder." + facts.reminder() + ".subject",
        values,
        unsubscribe,
        studentName);
  }
}
