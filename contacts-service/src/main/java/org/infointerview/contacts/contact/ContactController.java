package org.infointerview.contacts.contact;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.infointerview.support.http.EntityTags;
import org.infointerview.support.problem.RequestBodies;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/contacts")
@Validated
class ContactController {

  /** One page of search results. */
  record ContactPage(List<ContactResponse> items, int page, int size, boolean hasMore) {}

  private final ContactService contacts;
  private final ContactSearch search;
  private final ContactExport export;
  private final Validator validator;

  ContactController(
      ContactService contacts, ContactSearch search, ContactExport export, Validator validator) {
    this.contacts = contacts;
    this.search = search;
    this.export = export;
    this.validator = validator;
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

  /**
   * Search: a student's own contacts and the opted-in alumni and directory people (or only their
   * own with {@code scope=own}); an advisor the opted-in people; an admin every institution
   * contact.
   */
  @GetMapping
  @PreAuthorize("hasAnyRole('STUDENT', 'ADVISOR', 'ADMIN')")
  ContactPage search(CurrentUser viewer, @Valid ContactQuery query) {
    ContactSearch.Page page = search.search(viewer, query);
    return new ContactPage(
        page.items().stream().map(c -> ContactResponse.of(c, viewer)).toList(),
        page.page(),
        page.size(),
        page.hasMore());
  }

  /**
   * A CSV file: a student's own contacts, or with {@code scope=directory} (admins) every
   * institution contact.
   */
  @GetMapping(value = "/export", produces = "text/csv")
  @PreAuthorize("hasAnyRole('STUDENT', 'ADMIN')")
  ResponseEntity<StreamingResponseBody> export(
      CurrentUser caller,
      @RequestParam(defaultValue = "own")
          @Pattern(regexp = "own|directory", message = "must be own or directory")
          String scope) {
    Query query = export.scopeFor(caller, scope);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contacts-" + scope + ".csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(out -> export.write(query, out));
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
      @RequestBody ConsentRequest request) {
    RequestBodies.checked(validator, request);
    Long read = ifMatch == null ? null : EntityTags.required(ifMatch);
    Contact contact = contacts.changeConsent(admin, id, request, read);
    return ResponseEntity.ok()
        .eTag(EntityTags.of(contact.currentVersion()))
        .body(ContactResponse.of(contact, admin));
  }
}
