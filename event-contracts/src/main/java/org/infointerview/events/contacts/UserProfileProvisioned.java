package org.infointerview.events.contacts;

import java.util.List;
import org.infointerview.events.IntegrationEvent;

/**
 * A person signed in for the first time (or their identity provider changed what it says about
 * them): the platform's profile of a user, keyed by their identity. notifications-service needs the
 * address and time zone to send mail; nothing else is carried.
 *
 * @param userId {@code issuer|subject} (also the event subject)
 * @param displayName the name the provider gives
 * @param email the address the provider gives; optional
 * @param timeZone IANA zone from the provider's {@code zoneinfo}; optional
 * @param roles STUDENT, ALUMNUS, ADVISOR and/or ADMIN
 * @param version the profile's version after this change; consumers ignore older versions
 * @param classYear a student's graduation year, as the provider says it; optional
 * @param major a student's major; optional
 * @param program a student's program; optional
 */
public record UserProfileProvisioned(
    String userId,
    String displayName,
    String email,
    String timeZone,
    List<String> roles,
    long version,
    Integer classYear,
    String major,
    String program)
    implements IntegrationEvent {

  @Override
  public String subject() {
    return userId;
  }
}
