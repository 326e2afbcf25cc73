package org.infointerview.events.contacts;

import java.time.Instant;
import org.infointerview.events.IntegrationEvent;

/**
 * A person's consent or capacity changed.
 *
 * @param contactId the contact's id
 * @param consent the consent state after the change
 * @param changedBy who changed it: SELF, ADMIN, IMPORT or ALUMNI_SYNC
 * @param changedAt when it changed
 * @param version the contact's version after this change
 */
public record ContactConsentChanged(
    String contactId, ConsentState consent, String changedBy, Instant changedAt, long version)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return contactId;
  }
}
