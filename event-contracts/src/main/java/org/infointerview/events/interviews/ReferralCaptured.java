package org.infointerview.events.interviews;

import org.infointerview.events.IntegrationEvent;

/**
 * During an interview a student noted a referral: someone else to talk to. contacts-service turns
 * it into a REFERRAL contact owned by the student, or links one the student already has.
 *
 * @param referralId the referral's id, unique per interview
 * @param interviewId the interview it came from (also the event subject)
 * @param studentId the student who owns the referral
 * @param referredByContactId the contact who gave the referral
 * @param name the referred person's name
 * @param email the referred person's email; optional
 * @param organizationName optional
 * @param jobTitle optional
 */
public record ReferralCaptured(
    String referralId,
    String interviewId,
    String studentId,
    String referredByContactId,
    String name,
    String email,
    String organizationName,
    String jobTitle)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return interviewId;
  }
}
