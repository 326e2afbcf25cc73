package org.infointerview.events.contacts;

import org.infointerview.events.IntegrationEvent;

/**
 * A contact was erased on request; consumers delete or anonymize what they hold about it.
 *
 * @param contactId the erased contact's id
 */
public record ContactErased(String contactId) implements IntegrationEvent {

  @Override
  public String subject() {
    return contactId;
  }
}
