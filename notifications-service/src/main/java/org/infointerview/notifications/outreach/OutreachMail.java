package org.infointerview.notifications.outreach;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.infointerview.notifications.contact.ContactAddresses;
import org.infointerview.notifications.contact.UnsubscribeLinks;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.notifications.delivery.MailTemplates;
import org.infointerview.notifications.delivery.MessagePreparer;
import org.infointerview.notifications.inbox.Inbox;
import org.infointerview.notifications.preference.Preferences;
import org.infointerview.notifications.recipient.Recipient;
import org.infointerview.notifications.recipient.Recipients;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.thymeleaf.exceptions.TemplateEngineException;
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
  private static final Logger log = LoggerFactory.getLogger(OutreachMail.class);

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
  private final ContactAddresses addresses;
  private final UnsubscribeLinks unsubscribeLinks;
  private final Recipients recipients;
  private final Preferences preferences;
  private final MailTemplates templates;
  private final Inbox inbox;
  private final String publicUrl;
  private final Clock clock;

  OutreachMail(
      JsonMapper json,
      ContactAddresses addresses,
      UnsubscribeLinks unsubscribeLinks,
      Recipients recipients,
      Preferences preferences,
      MailTemplates templates,
      Inbox inbox,
      @Value("${infointerview.delivery.public-url:http://localhost:8080}") String publicUrl,
      Clock clock) {
    this.clock = clock;
    this.json = json;
    this.addresses = addresses;
    this.unsubscribeLinks = unsubscribeLinks;
    this.recipients = recipients;
    this.preferences = preferences;
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
    ContactAddresses.MailAddress address;
    try {
      Optional<ContactAddresses.MailAddress> found = addresses.find(contactId);
      if (found.isEmpty()) {
        return new Dropped("The person is no longer in the platform's contacts.");
      }
      address = found.get();
    } catch (ContactAddresses.Unavailable e) {
      throw new NotYet(e.getMessage(), e);
    }
    if (!address.mayContact()) {
      return new Dropped("The person asked not to be contacted, or no longer volunteers.");
    }
    if (address.email() == null || address.email().isBlank()) {
      return new Failed("The person's record has no email address.");
    }
    Preferences.ForMail reads = readerOf(address, request.studentId());
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
    MailTemplates.Rendered content;
    try {
      content =
          templates.render(
              "outreach-request",
              request.followUp()
                  ? "outreach-request.subject.follow-up"
                  : "outreach-request.subject",
              reads.locale(),
              values,
              request.studentDisplayName());
    } catch (TemplateEngineException | NoSuchMessageException e) {
      log.warn(
          "Request mail for {} could not be rendered: {}", request.interviewId(), e.toString());
      return new Failed("The template failed: " + e.getMessage());
    }
    return new Ready(address.email(), address.displayName(), content, null, null, unsubscribe);
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

  /**
   * The person's language and zone: their choices on the platform if they have an account; else
   * English, and the zone their record carries (or the student's, or UTC).
   */
  private Preferences.ForMail readerOf(ContactAddresses.MailAddress address, String studentId) {
    ZoneId zone =
        zone(address.timeZone())
            .or(() -> recipients.find(studentId).map(Recipient::zone))
            .orElse(ZoneOffset.UTC);
    if (address.linkedUserId() != null) {
      ZoneId profileZone =
          recipients.find(address.linkedUserId()).map(Recipient::zone).orElse(zone);
      return preferences.forMail(address.linkedUserId(), profileZone);
    }
    return new Preferences.ForMail(Locale.ENGLISH, zone);
  }

  private String mode(Time time, Preferences.ForMail reads) {
    return time.mode() == null
        ? ""
        : ", " + templates.word("interview-time.mode." + time.mode(), reads.locale());
  }

  private static Optional<ZoneId> zone(@Nullable String id) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
