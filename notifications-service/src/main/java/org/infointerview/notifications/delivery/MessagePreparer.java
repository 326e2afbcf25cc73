package org.infointerview.notifications.delivery;

import org.jspecify.annotations.Nullable;

/**
 * Makes the words of a message when it is first tried, not when its fact arrives (a daily digest
 * gathers until its time; a message to a person in contacts-service, below): their address, zone
 * and language are asked for then (contacts-service keeps them; this service keeps no copy), so a
 * person erased or unsubscribed meanwhile gets nothing, and contacts-service being away only delays
 * the message, retried like a mail server away.
 */
public interface MessagePreparer {

  /** The kind of message it makes, as {@link Deliveries.Message#kind()} names it. */
  String kind();

  /**
   * The message, ready to send; or {@link Dropped} or {@link Failed} with why.
   *
   * @param contactId the contact it goes to; for a message to a platform user (a digest), the user
   * @param facts what it is made from, the kind's own JSON
   * @throws NotYet when what it needs does not answer now (tried again after a pause)
   */
  Outcome prepare(String contactId, String facts) throws NotYet;

  // contactId: the contact it goes to, or the platform user for a message to one (a digest)

  /** Told once when a message of its kind is given up (FAILED) with this reason. */
  default void givenUp(String contactId, String facts, String reason) {}

  /** What preparing gave. */
  sealed interface Outcome permits Ready, Dropped, Failed {}

  /** Ready: to this address, these words, perhaps an invite, and the unsubscribe address. */
  record Ready(
      String to,
      String toName,
      MailTemplates.Rendered content,
      @Nullable String invite,
      @Nullable String inviteMethod,
      @Nullable String unsubscribe)
      implements Outcome {}

  /** Not to be sent at all, rightly (the person asked not to be written, or was erased). */
  record Dropped(String reason) implements Outcome {}

  /** Cannot be sent, wrongly (no address on record, a template error): FAILED with the reason. */
  record Failed(String reason) implements Outcome {}

  /** What it needs did not answer; try again later. */
  final class NotYet extends Exception {
    public NotYet(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }
}
