package org.infointerview.contacts.profile;

import org.infointerview.support.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /me}: the caller's own profile, provisioned on first sight. The gateway calls it when
 * a browser signs in; API clients call it themselves.
 */
@RestController
class ProfileController {

  private final UserProfiles profiles;

  ProfileController(UserProfiles profiles) {
    this.profiles = profiles;
  }

  @GetMapping("/me")
  ProfileResponse me(CurrentUser me) {
    return ProfileResponse.of(profiles.provision(me));
  }
}
