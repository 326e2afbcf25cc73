package org.infointerview.contacts.contact;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.infointerview.support.http.EntityTags;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/contacts")
@Validated
class ContactController {

  /** One page of search results. */
  record ContactPage(List<ContactResponse> items, int page, int size, boolean hasMore) {}

  private final ContactService contacts;

  ContactController(ContactService contacts) {
    this.contacts = contacts;
  }

  @PostMapping
  @ApiResponse(responseCode = "201", description = "Added; Location is its address")
  @PreAuthorize("hasRole('STUDENT')")
  ResponseEntity<ContactResponse> create(CurrentUser student, @RequestBody ContactRequest request) {
    Contact contact = contacts.addPersonal(student, request);
    return ResponseEntity.created(URI.create("/contacts/" + contact.id()))
        .eTag(EntityTags.of(contact.currentVersion()))
        .body(ContactResponse.of(contact, student));
  }

  @GetMapping("/{id}")
  ResponseEntity<ContactResponse> get(CurrentUser viewer, @PathVariable String id) {
    Contact contact = contacts.visible(viewer, id);
    return ResponseEntity.ok()
        .eTag(EntityTags.of(contact.currentVersion()))
        .body(ContactResponse.of(contact, viewer));
  }

  /** Replaces the details; {@code If-Match} must carry the ETag read (412 if it is stale). */
  @PutMapping("/{id}")
  @PreAuthorize("hasAnyRole('STUDENT', 'ADMIN')")
  ResponseEntity<ContactResponse> replace(
      CurrentUser editor,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @RequestBody ContactRequest request) {
    Contact contact = contacts.replace(editor, id, EntityTags.required(ifMatch), request);
    return ResponseEntity.ok()
        .eTag(EntityTags.of(contact.currentVersion()))
        .body(ContactResponse.of(contact, editor));
  }

  /** Erases a contact: the owner's own, or (admin) an institution contact on request. */
  @DeleteMapping("/{id}")
  @PreAuthorize("hasAnyRole('STUDENT', 'ADMIN')")
  @ApiResponse(responseCode = "204", description = "Erased")
  ResponseEntity<Void> erase(
      CurrentUser actor,
      @PathVariable String id,
      @RequestParam(required = false) @Size(max = 200) @Nullable String purpose) {
    contacts.erase(actor, id, purpose);
    return ResponseEntity.noContent().build();
  }

  /** An admin records what a person agreed to (by phone, by letter). */
  @PutMapping("/{id}/consent")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<ContactResponse> consent(
      CurrentUser admin,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody ConsentRequest request) {
    Long read = ifMatch == null ? null : EntityTags.required(ifMatch);
    Contact contact = contacts.changeConsent(admin, id, request, read);
    return ResponseEntity.ok()
        .eTag(EntityTags.of(contact.currentVersion()))
        .body(ContactResponse.of(contact, admin));
  }
}
