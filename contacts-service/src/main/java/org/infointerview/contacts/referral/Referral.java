package org.infointerview.contacts.referral;

import org.jspecify.annotations.Nullable;

/**
 * What this service reads of interviews-service's ReferralCaptured, in its own record: the wire
 * contract is the JSON (its golden example), not the producer's class, and fields added to it later
 * are ignored here.
 */
record Referral(
    String referralId,
    String interviewId,
    String studentId,
    String referredByContactId,
    @Nullable String name,
    @Nullable String email,
    @Nullable String organizationName,
    @Nullable String jobTitle) {}
