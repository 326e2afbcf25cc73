package org.infointerview.interviews.interview;

import org.infointerview.interviews.contact.ContactCard;
import org.jspecify.annotations.Nullable;

/**
 * Whom an interview is with, as known when it was planned: the interview still shows the person
 * while contacts-service is down or after the contact changed.
 */
record ContactRef(
    String contactId,
    boolean institutional,
    String displayName,
    @Nullable String organizationName,
    @Nullable String jobTitle,
    @Nullable String timeZone) {

  ContactRef withContactId(String id) {
    return new ContactRef(id, institutional, displayName, organizationName, jobTitle, timeZone);
  }

  static ContactRef of(ContactCard card) {
    return new ContactRef(
        card.contactId(),
        card.institutional(),
        card.displayName(),
        card.organizationName(),
        card.jobTitle(),
        card.timeZone());
  }
}
