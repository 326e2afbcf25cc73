package org.infointerview.interviews.outreach;

import java.time.Instant;
import java.util.Map;
import org.infointerview.interviews.contact.ContactCard;
import org.infointerview.support.problem.ConflictException;

/**
 * Who may be asked. Anyone who said do-not-contact, never. An alumnus or directory person only when
 * they opted in and are not pausing; their monthly capacity is {@link VolunteerCapacity}'s. A
 * student's own contacts are theirs to reach: only do-not-contact applies to them.
 */
public final class Volunteers {

  private Volunteers() {}

  /**
   * @throws ConflictException (409) with reason DO_NOT_CONTACT, NOT_OPTED_IN or PAUSED
   */
  public static void requireReachable(ContactCard contact, Instant now) {
    if (contact.doNotContact()) {
      throw new ConflictException(
          "DO_NOT_CONTACT",
          contact.displayName() + " asked not to be contacted through the platform.");
    }
    if (!contact.institutional()) {
      return;
    }
    if (!contact.optedIn()) {
      throw new ConflictException(
          "NOT_OPTED_IN",
          contact.displayName()
              + " has not agreed to be asked for informational interviews; choose someone who"
              + " has, or ask your career center.");
    }
    if (contact.pausedUntil() != null && contact.pausedUntil().isAfter(now)) {
      throw new ConflictException(
          "PAUSED",
          contact.displayName()
              + " is taking a break from requests until "
              + contact.pausedUntil()
              + ".",
          Map.of("pausedUntil", contact.pausedUntil().toString()));
    }
  }
}
