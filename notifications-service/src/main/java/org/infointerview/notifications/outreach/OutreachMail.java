package org.infointerview.notifications.outreach;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.infointerview.notifications.contact.ContactAddresses;
import org.infointerview.notifications.contact.PersonReaders;
import org.infointerview.notifications.contact.UnsubscribeLinks;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.notifications.delivery.MailTemplates;
import org.infointerview.notifications.delivery.MessagePreparer;
import org.infointerview.notifications.inbox.Inbox;
import org.infointerview.notifications.preference.Preferences;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request mail to the person asked ({@link OutreachListener} queues it with the request's
 * facts), made when first tried (their address, zone and language asked of contacts-service then),
 * in their language, with the times offered in their zone, the answer link (accept a time, propose
 * others, decline, without an account), and a one-click unsubscribe (RFC 8058) that
 * contacts-service records as do-not-contact. A request that cannot be delivered is told to the
 * student in their inbox.
 */
@Component
class OutreachMail implements MessagePreparer {

  static final String KIND = "OUTREACH_REQUEST";

  /** OutreachRequested, as read here: what the mail is made from. */
  record Request(
      String interviewId,
      String studentId,
      String studentDisplayName,
      String contactId,
      String message,
      boolean followUp,
      String answerToken,
      Instant answerExpiresAt,
      List<Time> proposedTimes) {}

  record Time(Instant start, int durationMinutes, @Nullable String mode) {}

  private final JsonMapper json;
  private final PersonReaders readers;
  private final UnsubscribeLinks unsubscribeLinks;
  private final MailTemplates templates;
  private final Inbox inbox;
  private final String publicUrl;
  private final Clock clock;

  OutreachMail(
      JsonMapper json,
      PersonReaders readers,
      UnsubscribeLinks unsubscribeLinks,
      MailTemplates templates,
      Inbox inbox,
      @Value("${infointerview.delivery.public-url:http://localhost:8080}") String publicUrl,
      Clock clock) {
    this.clock = clock;
    this.json = json;
    this.readers = readers;
    this.unsubscribeLinks = unsubscribeLinks;
    this.templates = templates;
    this.inbox = inbox;
    this.publicUrl = publicUrl;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Outcome prepare(String contactId, String facts) throws NotYet {
    Request request = json.readValue(facts, Request.class);
    if (!request.answerExpiresAt().isAfter(clock.instant())) {
      // a request older than its link (a backlog after an outage, or replayed history) would only
      // lead the person to a dead link
      return new Dropped("The request's answer link expired before the mail could go.");
    }
    PersonReaders.Reader person;
    try {
      person = readers.reader(contactId, request.studentId());
    } catch (PersonReaders.Refused refused) {
      return refused.outcome();
    }
    ContactAddresses.MailAddress address = person.address();
    Preferences.ForMail reads = person.reads();
    Map<String, Object> values = new HashMap<>();
    values.put("contactName", address.displayName());
    values.put("studentName", request.studentDisplayName());
    values.put("message", request.message());
    values.put("followUp", request.followUp());
    values.put(
        "times",
        request.proposedTimes().stream()
            .map(t -> reads.time(t.start()) + " (" + t.durationMinutes() + " min)" + mode(t, reads))
            .toList());
    values.put("timeZone", reads.zone().getId());
    values.put("answerLink", publicUrl + "/answer#" + request.answerToken());
    values.put(
        "answerUntil",
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(reads.locale())
            .withZone(reads.zone())
            .format(request.answerExpiresAt()));
    String unsubscribe = unsubscribeLinks.issue(address.contactId());
    values.put("unsubscribeLink", unsubscribe);
    return person.mail(
        templates,
        "outreach-request",
        request.followUp() ? "outreach-request.subject.follow-up" : "outreach-request.subject",
        values,
        unsubscribe,
        request.studentDisplayName());
  }

  /** The student learns, in their inbox, that their request did not reach the person. */
  @Override
  public void givenUp(String contactId, String facts, String reason) {
    Request request = json.readValue(facts, Request.class);
    String handle =
        Deliveries.handle(
            KIND + "-undelivered|" + request.interviewId() + "|" + request.answerExpiresAt());
    inbox.add(
        handle,
        request.studentId(),
        "OUTREACH_UNDELIVERED",
        "Your request could not be delivered",
        "Your request for an informational interview could not be delivered by email ("
            + reason
            + "). Try another way to reach this person, or ask your career center.");
  }

  private String mode(Time time, Preferences.ForMail reads) {
    return time.mode() == null
        ? ""
        : ", " + templates.word("interview-time.mode." + time.mode(), reads.locale());
  }
}
