package org.infointerview.notifications.interview;

import org.infointerview.notifications.contact.PersonReaders;
import org.infointerview.notifications.contact.UnsubscribeLinks;
import org.infointerview.notifications.delivery.MessagePreparer;
import org.infointerview.notifications.recipient.Recipients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.thymeleaf.exceptions.TemplateEngineException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The person's mail when a time with a student is agreed, moved or called off, with the calendar
 * invitation for their calendar: made when first tried, at the address contacts-service gives then,
 * in their language and zone, naming the student, with their unsubscribe link.
 */
@Component
class PersonTimeMail implements MessagePreparer {

  static final String KIND = "INTERVIEW_TIME_TO_PERSON";
  private static final Logger log = LoggerFactory.getLogger(PersonTimeMail.class);

  private final JsonMapper json;
  private final PersonReaders readers;
  private final Recipients recipients;
  private final TimeMails timeMails;
  private final UnsubscribeLinks unsubscribeLinks;

  PersonTimeMail(
      JsonMapper json,
      PersonReaders readers,
      Recipients recipients,
      TimeMails timeMails,
      UnsubscribeLinks unsubscribeLinks) {
    this.json = json;
    this.readers = readers;
    this.recipients = recipients;
    this.timeMails = timeMails;
    this.unsubscribeLinks = unsubscribeLinks;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Outcome prepare(String contactId, String factsJson) throws NotYet {
    TimeMails.Facts facts = json.readValue(factsJson, TimeMails.Facts.class);
    PersonReaders.Reader person;
    try {
      person = readers.reader(contactId, facts.studentId());
    } catch (PersonReaders.Refused refused) {
      return refused.outcome();
    }
    String studentName = recipients.studentName(facts.studentId());
    String unsubscribe = unsubscribeLinks.issue(person.address().contactId());
    TimeMails.Made made;
    try {
      made =
          timeMails.make(
              facts,
              person.address().displayName(),
              studentName,
              person.reads(),
              person.email(),
              unsubscribe);
    } catch (TemplateEngineException | NoSuchMessageException e) {
      log.warn("Time mail for {} could not be rendered: {}", facts.interviewId(), e.toString());
      return new Failed("The template failed: " + e.getMessage());
    }
    return new Ready(
        person.email(),
        person.address().displayName(),
        made.content(),
        made.ics(),
        made.method(),
        unsubscribe);
  }
}
