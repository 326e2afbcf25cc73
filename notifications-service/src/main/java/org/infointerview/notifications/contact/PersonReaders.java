package org.infointerview.notifications.contact;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.infointerview.notifications.delivery.MailTemplates;
import org.infointerview.notifications.delivery.MessagePreparer;
import org.infointerview.notifications.preference.Preferences;
import org.infointerview.notifications.recipient.Recipient;
import org.infointerview.notifications.recipient.Recipients;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.thymeleaf.exceptions.TemplateEngineException;

/**
 * A person in contacts-service as a message to them is made: where it goes and how they read it,
 * asked of contacts-service now; or why nothing goes (they may not be written, are gone, or have no
 * address).
 */
@Component
public class PersonReaders {

  private static final Logger log = LoggerFactory.getLogger(PersonReaders.class);

  /**
   * The person a message goes to, and how they read it: their language and zone on the platform if
   * they have an account; else English, and the zone their record carries (or the student's, or
   * UTC).
   */
  public record Reader(ContactAddresses.MailAddress address, Preferences.ForMail reads) {

    /** Their address: never blank for a reader. */
    public String email() {
      return Objects.requireNonNull(address.email());
    }

    /**
     * A mail to this person in their language, with its unsubscribe link; FAILED with why when the
     * template fails (one message's template error never stops the others).
     */
    public MessagePreparer.Outcome mail(
        MailTemplates templates,
        String template,
        String subjectKey,
        Map<String, Object> values,
        String unsubscribe,
        Object... subjectArguments) {
      try {
        MailTemplates.Rendered content =
            templates.render(template, subjectKey, reads.locale(), values, subjectArguments);
        return new MessagePreparer.Ready(
            email(), address.displayName(), content, null, null, unsubscribe);
      } catch (TemplateEngineException | NoSuchMessageException e) {
        log.warn("A mail from {} could not be rendered: {}", template, e.toString());
        return new MessagePreparer.Failed("The template failed: " + e.getMessage());
      }
    }
  }

  /** Why nothing goes to the person: the outcome to store for the message. */
  public static final class Refused extends Exception {
    private final transient MessagePreparer.Outcome outcome;

    Refused(MessagePreparer.Outcome outcome) {
      super(outcome.toString(), null, false, false);
      this.outcome = outcome;
    }

    public MessagePreparer.Outcome outcome() {
      return outcome;
    }
  }

  private final ContactAddresses addresses;
  private final Recipients recipients;
  private final Preferences preferences;

  PersonReaders(ContactAddresses addresses, Recipients recipients, Preferences preferences) {
    this.addresses = addresses;
    this.recipients = recipients;
    this.preferences = preferences;
  }

  /**
   * The person, asked of contacts-service now.
   *
   * @param studentId the student the message is about, whose zone stands in for an unknown one
   * @throws Refused when nothing is to go to them (DROPPED or FAILED, with why)
   * @throws MessagePreparer.NotYet when contacts-service does not answer now
   */
  public Reader reader(String contactId, String studentId) throws Refused, MessagePreparer.NotYet {
    ContactAddresses.MailAddress address;
    try {
      address =
          addresses
              .find(contactId)
              .orElseThrow(
                  () ->
                      new Refused(
                          new MessagePreparer.Dropped(
                              "The person is no longer in the platform's contacts.")));
    } catch (ContactAddresses.Unavailable e) {
      throw new MessagePreparer.NotYet(e.getMessage(), e);
    }
    if (!address.mayContact()) {
      throw new Refused(
          new MessagePreparer.Dropped(
              "The person asked not to be contacted, or no longer volunteers."));
    }
    if (address.email() == null || address.email().isBlank()) {
      throw new Refused(new MessagePreparer.Failed("The person's record has no email address."));
    }
    ZoneId zone =
        zone(address.timeZone())
            .or(() -> recipients.find(studentId).map(Recipient::zone))
            .orElse(ZoneOffset.UTC);
    if (address.linkedUserId() != null) {
      ZoneId profileZone =
          recipients.find(address.linkedUserId()).map(Recipient::zone).orElse(zone);
      return new Reader(address, preferences.forMail(address.linkedUserId(), profileZone));
    }
    return new Reader(address, new Preferences.ForMail(Locale.ENGLISH, zone));
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
