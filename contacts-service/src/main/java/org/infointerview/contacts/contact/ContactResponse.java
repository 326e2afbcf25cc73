package org.infointerview.contacts.contact;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A contact as its viewer may see it. */
record ContactResponse(
    String id,
    String source,
    String displayName,
    String givenName,
    String familyName,
    @Nullable String preferredName,
    List<String> emails,
    @Nullable String organizationName,
    @Nullable String jobTitle,
    List<String> careerFields,
    @Nullable String timeZone,
    boolean optedIn,
    String contactPreference,
    Instant createdAt,
    long version) {

  static ContactResponse of(Contact contact) {
    boolean showEmail =
        contact.source() == ContactSource.PERSONAL
            || contact.source() == ContactSource.REFERRAL
            || contact.consent().preference() == ContactPreference.SHOW_EMAIL;
    return new ContactResponse(
        contact.id(),
        contact.source().name(),
        contact.displayName(),
        contact.givenName(),
        contact.familyName(),
        contact.preferredName(),
        showEmail ? contact.emails() : List.of(),
        contact.organizationName(),
        contact.jobTitle(),
        contact.careerFields(),
        contact.timeZone(),
        contact.consent().optedIn(),
        contact.consent().preference().name(),
        contact.createdAt(),
        contact.version() == null ? 0 : contact.version());
  }
}
