package org.infointerview.notifications.delivery;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one recipient, rendered before it is sent, so a retry sends the same words and a
 * fact delivered twice finds its message already here ({@code id} is the kind, the fact's event id
 * and the recipient).
 *
 * @param kind what it is about, such as {@code REQUEST_ANSWERED}
 * @param recipientId the platform user it is for
 * @param to the address it goes to; forgotten when the person is erased
 * @param handle how the delivery log names it: URL-safe, unique (the Message-ID's hash)
 * @param messageId the Message-ID header, the same on every try, so a receiver can tell a repeat
 * @param attempts tries so far
 * @param lastError why the last try failed, in plain words
 * @param nextAttemptAt when it may be tried next
 * @param leasedUntil while an instance is sending it, until when
 * @param byEmail whether it goes by mail (null: yes)
 * @param inApp whether it goes to the person's inbox too (null: yes)
 * @param invite an iCalendar attachment (invite.ics); null for none
 * @param inviteMethod the invite's iTIP method, REQUEST or CANCEL
 * @param contactId for a message to a person in contacts-service (not a platform user): who; their
 *     address is asked for when the message is first tried ({@link MessagePreparer}), never earlier
 * @param facts what such a message is made from when first tried (the kind's own JSON); kept for
 *     its preparer's word when it is given up; forgotten with the person
 * @param unsubscribe the one-click unsubscribe address (RFC 8058) of a mail to someone who is not a
 *     platform user
 */
@Document(Delivery.COLLECTION)
// Embedded-store workaround: a versioned save asks by _id and version together, which it answers
// from a unique index with exactly those keys only.
@CompoundIndex(name = "_id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@RecordBuilder
public record Delivery(
    @Id String id,
    String kind,
    @Indexed String recipientId,
    @Nullable String to,
    @Nullable String toName,
    String subject,
    String text,
    String html,
    @Indexed(unique = true, sparse = true) @Nullable String handle,
    String messageId,
    DeliveryStatus status,
    int attempts,
    @Nullable String lastError,
    Instant createdAt,
    Instant nextAttemptAt,
    @Nullable Instant sentAt,
    @Nullable Instant leasedUntil,
    @Nullable Boolean byEmail,
    @Nullable Boolean inApp,
    @Nullable String invite,
    @Nullable String inviteMethod,
    @Indexed(sparse = true) @Nullable String contactId,
    @Nullable String facts,
    @Nullable String unsubscribe,
    @Version @Nullable Long version)
    implements DeliveryBuilder.With {

  static final String COLLECTION = "deliveries";

  /** The delivery log's name for it; derived for a message stored before handles existed. */
  String handleOrDerived() {
    return handle != null ? handle : Deliveries.handle(id);
  }

  boolean wantsEmail() {
    return !Boolean.FALSE.equals(byEmail);
  }

  boolean wantsInApp() {
    return !Boolean.FALSE.equals(inApp);
  }

  /** Whether its words are still to be made from its facts (a message to a contact, untried). */
  boolean awaitsPreparing() {
    return facts != null && to == null && status == DeliveryStatus.QUEUED;
  }

  /** Whom its preparer makes it for: the contact, or else the platform user. */
  String preparedFor() {
    return contactId != null ? contactId : recipientId;
  }

  Delivery prepared(MessagePreparer.Ready ready) {
    return with()
        .to(ready.to())
        .toName(ready.toName())
        .subject(ready.content().subject())
        .text(ready.content().text())
        .html(ready.content().html())
        .invite(ready.invite())
        .inviteMethod(ready.inviteMethod())
        .unsubscribe(ready.unsubscribe())
        .build();
  }

  Delivery leased(Instant until) {
    return withLeasedUntil(until);
  }

  Delivery sent(Instant at) {
    return with()
        .status(DeliveryStatus.SENT)
        .attempts(attempts + 1)
        .lastError(null)
        .sentAt(at)
        .leasedUntil(null)
        .build();
  }

  Delivery failedOnce(String error, Instant next) {
    return with()
        .attempts(attempts + 1)
        .lastError(error)
        .nextAttemptAt(next)
        .leasedUntil(null)
        .build();
  }

  Delivery givenUp(String error) {
    return with()
        .status(DeliveryStatus.FAILED)
        .attempts(attempts + 1)
        .lastError(error)
        .leasedUntil(null)
        .build();
  }
}
