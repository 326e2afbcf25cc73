package org.infointerview.interviews.contact;

import java.time.Instant;
import java.util.List;
import org.infointerview.events.contacts.ContactVisibility;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of a contact, as of {@link #contactVersion()}: enough to plan an
 * interview and show whom it is with, and nothing more (no email addresses or phones).
 */
@Document(ContactSnapshot.COLLECTION)
record ContactSnapshot(
    @Id String contactId,
    @Nullable String ownerId,
    @Indexed(sparse = true) @Nullable String linkedUserId,
    String source,
    String displayName,
    @Nullable String organizationName,
    @Nullable String jobTitle,
    List<String> careerFields,
    @Nullable String timeZone,
    boolean optedIn,
    String contactPreference,
    @Nullable Integer maxRequestsPerMonth,
    @Nullable Instant pausedUntil,
    boolean doNotContact,
    long contactVersion,
    Instant updatedAt) {

  static final String COLLECTION = "contact_snapshots";

  /** Who may see it: the rule contacts-service applies, shared through the contract. */
  boolean isVisibleTo(CurrentUser viewer) {
    return ContactVisibility.visible(
        ownerId, linkedUserId, optedIn, doNotContact, viewer.id(), viewer.roleNames());
  }
}
