package org.infointerview.notifications.delivery;

/** Where a message stands. */
public enum DeliveryStatus {
  /** Rendered and waiting for the mail server (first try, or again after a failure). */
  QUEUED,
  /** The mail server accepted it. */
  SENT,
  /** Given up: the address was refused, the template failed, or every retry failed. */
  FAILED,
  /** Not sent because it is no longer due: the facts changed before its time (a reminder). */
  DROPPED,
  /** Gathered into the person's daily digest, which goes as one mail at their chosen time. */
  IN_DIGEST
}
