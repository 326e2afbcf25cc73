package org.infointerview.events.contacts;

import org.infointerview.events.IntegrationEvent;

/**
 * Two records of the same person were merged; the merged id no longer exists. Consumers repoint
 * references from {@code mergedId} to {@code survivorId}.
 *
 * @param survivorId the contact that remains (also the event subject)
 * @param mergedId the contact that was merged into the survivor
 * @param survivorVersion the survivor's version after the merge
 */
public record ContactMerged(String survivorId, String mergedId, long survivorVersion)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return survivorId;
  }
}
