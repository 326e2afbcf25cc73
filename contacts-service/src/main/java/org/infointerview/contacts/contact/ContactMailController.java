package org.infointerview.contacts.contact;

import java.util.List;
import java.util.Map;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For notifications-service alone (its own client's token with the contact-mail scope; the gateway
 * never routes {@code /internal/**}): the address a message to a contact goes to, which students
 * and interviews-service never see, and the person's unsubscribe from a mail's link. Asked when a
 * message is sent, never copied in bulk.
 */
@RestController
@RequestMapping("/internal/contacts")
@PreAuthorize("hasAuthority('SCOPE_infointerview.contact-mail')")
class ContactMailController {

  /**
   * Where and how a message to the person goes.
   *
   * @param contactId the record it goes to (a merged record's survivor)
   * @param email the address; null when the record has none
   * @param displayName how to greet them
   * @param timeZone the zone to show them times in; null when unknown
   * @param linkedUserId the platform user signed in as this person, if any
   * @param mayContact false when they asked never to be contacted, or withdrew as a volunteer
   */
  record MailAddress(
      String contactId,
      @Nullable String email,
      String displayName,
      @Nullable String timeZone,
      @Nullable String linkedUserId,
      boolean mayContact) {

    static MailAddress of(Contact contact) {
      ContactDetails details = contact.details();
      Consent consent = contact.consent();
      return new MailAddress(
          contact.id(),
          details.emails().isEmpty() ? null : details.emails().get(0),
          details.displayName(),
          details.timeZone(),
          contact.linkedUserId(),
          !consent.doNotContact() && (contact.source().isOwned() || consent.optedIn()));
    }
  }

  private final ContactService contacts;

  ContactMailController(ContactService contacts) {
    this.contacts = contacts;
  }

  /**
   * The live records linked to a platform user (an alumnus signed in as the person): what their
   * calendar feed shows besides their own interviews as a student. Empty when none.
   */
  @GetMapping(params = "linkedUser")
  Map<String, List<String>> linkedTo(@RequestParam String linkedUser) {
    return Map.of("contactIds", contacts.linkedTo(linkedUser));
  }

  /** 404 when there is no such live record (never was, or erased). */
  @GetMapping("/{id}/mail-address")
  MailAddress mailAddress(@PathVariable String id) {
    return MailAddress.of(
        contacts.forMail(id).orElseThrow(() -> new NotFoundException("Contact", id)));
  }

  /** The person's unsubscribe: do not contact, opted out; 204 however often it is asked. */
  @PostMapping("/{id}/unsubscribe")
  ResponseEntity<Void> unsubscribe(CurrentUser service, @PathVariable String id) {
    contacts.unsubscribe(service, id);
    return ResponseEntity.noContent().build();
  }
}
