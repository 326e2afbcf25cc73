package org.infointerview.events.contacts;

import org.infointerview.events.IntegrationEvent;

/**
 * A person was erased on request (an admin acting on it, or an alumnus asking for their own record
 * to go): every service removes or anonymizes what it holds about them, and keeps only the fact,
 * under {@code reference}, so that a replay of older events does not bring it back.
 *
 * @param userId {@code issuer|subject} (also the event subject)
 * @param version the profile's version at erasure: profile facts of this version or older are the
 *     erased person's; a later sign-in starts a newer one
 * @param reference the erasure's own id, which audit entries name instead of the person
 */
public record PersonErased(String userId, long version, String reference)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return userId;
  }
}
