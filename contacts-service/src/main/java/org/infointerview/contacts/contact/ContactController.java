package org.infointerview.contacts.contact;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.infointerview.support.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/contacts")
@Validated
class ContactController {

  private final ContactService contacts;

  ContactController(ContactService contacts) {
    this.contacts = contacts;
  }

  @PostMapping
  @PreAuthorize("hasRole('STUDENT')")
  ResponseEntity<ContactResponse> create(
      CurrentUser student, @Valid @RequestBody CreateContactRequest request) {
    Contact contact = contacts.addPersonal(student, request.details());
    return ResponseEntity.created(URI.create("/contacts/" + contact.id()))
        .eTag("\"" + contact.version() + "\"")
        .body(ContactResponse.of(contact));
  }

  @GetMapping("/{id}")
  ResponseEntity<ContactResponse> get(CurrentUser viewer, @PathVariable String id) {
    Contact contact = contacts.visible(viewer, id);
    return ResponseEntity.ok()
        .eTag("\"" + contact.version() + "\"")
        .body(ContactResponse.of(contact));
  }

  @GetMapping
  @PreAuthorize("hasRole('STUDENT')")
  List<ContactResponse> own(
      CurrentUser owner,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return contacts.own(owner, page, size).stream().map(ContactResponse::of).toList();
  }
}
