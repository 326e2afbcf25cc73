package org.infointerview.events.contacts;

import java.time.Instant;

/**
 * Whether and how a person may be asked for an informational interview.
 *
 * @param optedIn the person agreed to informational interviews
 * @param contactPreference SHOW_EMAIL or VIA_PLATFORM
 * @param maxRequestsPerMonth the capacity across all students; optional (no limit)
 * @param pausedUntil no requests before this instant; optional
 * @param doNotContact never contact, whatever else says
 */
public record ConsentState(
    boolean optedIn,
    String contactPreference,
    Integer maxRequestsPerMonth,
    Instant pausedUntil,
    boolean doNotContact) {}
