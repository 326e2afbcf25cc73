package org.infointerview.contacts.contact;

import jakarta.validation.Valid;
import org.infointerview.support.http.EntityTags;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An alumnus's own record: found by the sign-in it is linked to, or the first time by the address
 * their identity provider vouches for. They change what students see of them and what they agree
 * to; opting out is one call.
 */
@RestController
@RequestMapping("/me/profile")
@PreAuthorize("hasRole('ALUMNUS')")
class AlumniProfileController {

  private final ContactService contacts;

  AlumniProfileController(ContactService contacts) {
    this.contacts = contacts;
  }

  @GetMapping
  ResponseEntity<ContactResponse> get(CurrentUser alumnus) {
    return respond(contacts.ownRecord(alumnus), alumnus);
  }

  @PutMapping
  ResponseEntity<ContactResponse> change(
      CurrentUser alumnus,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @RequestBody ProfileRequest request) {
    return respond(
        contacts.changeOwnProfile(alumnus, EntityTags.required(ifMatch), request), alumnus);
  }

  @PutMapping("/consent")
  ResponseEntity<ContactResponse> consent(
      CurrentUser alumnus, @Valid @RequestBody ConsentRequest request) {
    return respond(contacts.changeOwnConsent(alumnus, request), alumnus);
  }

  private static ResponseEntity<ContactResponse> respond(Contact contact, CurrentUser viewer) {
    return ResponseEntity.ok()
        .eTag(EntityTags.of(contact.currentVersion()))
        .body(ContactResponse.of(contact, viewer));
  }
}
