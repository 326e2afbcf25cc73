package org.infointerview.events.contacts;

import java.util.List;
import org.infointerview.events.IntegrationEvent;

/**
 * A contact's shown details changed. Carries the full current state of the same fields as {@link
 * ContactCreated}, so consumers upsert rather than patch.
 *
 * @param version the contact's version after this change; consumers ignore older versions
 * @param linkedUserId the person this institution record is linked to, as in {@link
 *     ContactCreated}; optional
 */
public record ContactUpdated(
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
