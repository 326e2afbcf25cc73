package org.infointerview.interviews.contact;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The subset of contacts-service's events this service reads, in its own classes: the wire contract
 * is the JSON, not the producer's records.
 */
final class ContactFacts {

  private ContactFacts() {}

  /** ContactCreated and ContactUpdated both carry the full shown state. */
  record ContactState(
      String contactId,
      @Nullable String ownerId,
      String source,
      String displayName,
      @Nullable String organizationName,
      @Nullable String jobTitle,
      @Nullable List<String> careerFields,
      @Nullable String timeZone,
      Consent consent,
      long version,
      @Nullable String linkedUserId) {}

  record Consent(
      boolean optedIn,
      String contactPreference,
      @Nullable Integer maxRequestsPerMonth,
      @Nullable Instant pausedUntil,
      boolean doNotContact) {}

  record ConsentChanged(String contactId, Consent consent, long version) {}

  record Merged(String survivorId, String mergedId) {}

  record Erased(String contactId) {}
}
