package org.infointerview.interviews.interview;

/**
 * Where an interview came from when it follows a referral: the interview in which the student was
 * referred, and the referral. The chain of these is the student's network growing.
 */
public record ReferralSource(String interviewId, String referralId, String referredBy) {}
