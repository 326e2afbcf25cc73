package org.infointerview.events.contacts;

import java.util.List;
import org.infointerview.events.IntegrationEvent;

/**
 * A contact was added, by a student, an import or a referral. Carries only what other services need
 * to show and reach the person through the platform: no phone numbers, no email addresses.
 *
 * @param contactId the contact's id (also the event subject)
 * @param ownerId the owning student's user id for PERSONAL and REFERRAL contacts; optional (absent
 *     for institution-wide alumni and directory contacts)
 * @param source PERSONAL, ALUMNI_IMPORT, ALUMNI_DIRECTORY, EMPLOYER_DIRECTORY or REFERRAL
 * @param displayName the name to show (preferred name if any)
 * @param organizationName optional
 * @param jobTitle optional
 * @param careerFields career field codes from the taxonomy
 * @param timeZone IANA time zone id; optional
 * @param consent the person's consent state
 * @param linkedUserId the person this institution record is linked to (an alumnus who signed in and
 *     claimed it), who sees it as their own; optional (added in December 2026: older events lack
 *     it)
 * @param version the contact's version after this change; consumers ignore older versions
 */
public record ContactCreated(
    String contactId,
    String ownerId,
    String source,
    String displayName,
    String organizationName,
    String jobTitle,
    List<String> careerFields,
    String timeZone,
    ConsentState consent,
    long version,
    String linkedUserId)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return contactId;
  }
}
