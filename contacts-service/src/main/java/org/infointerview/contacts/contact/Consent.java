package org.infointerview.contacts.contact;

import java.time.Instant;
import org.infointerview.events.contacts.ConsentState;
import org.jspecify.annotations.Nullable;

/**
 * Whether and how a person may be asked for an informational interview.
 *
 * @param optedIn agreed to informational interviews
 * @param preference how students may reach them
 * @param maxRequestsPerMonth capacity across all students; null for no limit
 * @param pausedUntil no requests before this instant; null when not paused
 * @param doNotContact never contact, whatever else says
 */
record Consent(
    boolean optedIn,
    ContactPreference preference,
    @Nullable Integer maxRequestsPerMonth,
    @Nullable Instant pausedUntil,
    boolean doNotContact) {

  /** A student's own contact: not an opted-in volunteer, reached however the student likes. */
  static Consent personal() {
    return new Consent(false, ContactPreference.SHOW_EMAIL, null, null, false);
  }

  ConsentState toEvent() {
    return new ConsentState(
        optedIn, preference.name(), maxRequestsPerMonth, pausedUntil, doNotContact);
  }
}
