package org.infointerview.interviews.contact;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A contact as another feature of this service sees it: who they are and whether and how often they
 * may be asked. No addresses: this service never has them.
 *
 * @param institutional an alumni or directory person (their consent and capacity apply), not a
 *     student's own contact or referral
 */
public record ContactCard(
    String contactId,
    boolean institutional,
    String source,
    String displayName,
    @Nullable String organizationName,
    @Nullable String jobTitle,
    @Nullable String timeZone,
    boolean optedIn,
    boolean doNotContact,
    @Nullable Integer maxRequestsPerMonth,
    @Nullable Instant pausedUntil) {

  static ContactCard of(ContactSnapshot snapshot) {
    return new ContactCard(
        snapshot.contactId(),
        snapshot.ownerId() == null,
        snapshot.source(),
        snapshot.displayName(),
        snapshot.organizationName(),
        snapshot.jobTitle(),
        snapshot.timeZone(),
        snapshot.optedIn(),
        snapshot.doNotContact(),
        snapshot.maxRequestsPerMonth(),
        snapshot.pausedUntil());
  }
}
