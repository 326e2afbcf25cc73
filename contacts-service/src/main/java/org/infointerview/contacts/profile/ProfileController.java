package org.infointerview.contacts.profile;

import org.infointerview.contacts.contact.ContactService;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.security.Role;
import org.infointerview.support.security.Studies;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /me}: the caller's own profile, provisioned on first sight. The gateway calls it when
 * a browser signs in; API clients call it themselves. An alumnus' alumni record is linked to their
 * sign-in then too (by the address their identity provider vouches for), so the requests students
 * sent them are theirs from their first sign-in, not from their first visit to their profile.
 */
@RestController
class ProfileController {

  private final UserProfiles profiles;
  private final ContactService contacts;

  ProfileController(UserProfiles profiles, ContactService contacts) {
    this.profiles = profiles;
    this.contacts = contacts;
  }

  @GetMapping("/me")
  ProfileResponse me(CurrentUser me, Studies studies) {
    UserProfile profile = profiles.provision(me, studies);
    if (me.has(Role.ALUMNUS)) {
      contacts.linkOwnRecord(me);
    }
    return ProfileResponse.of(profile);
  }
}
