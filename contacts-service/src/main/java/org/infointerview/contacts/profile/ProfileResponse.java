package org.infointerview.contacts.profile;

import java.time.Instant;
import java.util.List;
import org.infointerview.support.security.Studies;
import org.jspecify.annotations.Nullable;

record ProfileResponse(
    String userId,
    String displayName,
    @Nullable String email,
    @Nullable String timeZone,
    List<String> roles,
    Instant firstSignInAt,
    Studies studies) {

  static ProfileResponse of(UserProfile profile) {
    return new ProfileResponse(
        profile.userId(),
        profile.displayName(),
        profile.email(),
        profile.timeZone(),
        profile.roles(),
        profile.firstSignInAt(),
        profile.studies());
  }
}
