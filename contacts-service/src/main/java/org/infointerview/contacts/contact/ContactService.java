package org.infointerview.contacts.contact;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.bson.types.ObjectId;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Outbox;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

@Service
class ContactService {

  private final ContactRepository contacts;
  private final AggregateStore store;
  private final Outbox outbox;
  private final Clock clock;

  ContactService(ContactRepository contacts, AggregateStore store, Outbox outbox, Clock clock) {
    this.contacts = contacts;
    this.store = store;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Adds a student's own contact and records ContactCreated with it. */
  Contact addPersonal(CurrentUser student, ContactDetails details) {
    requireTimeZone(details.timeZone());
    Contact contact =
        Contact.personal(new ObjectId().toHexString(), student.id(), details, clock.instant());
    return store.insert(contact, List.of(outbox.entry(contact.id(), contact.created())));
  }

  /** A contact the caller may see; 404 otherwise, whether or not it exists. */
  Contact visible(CurrentUser viewer, String id) {
    return contacts
        .findById(id)
        .filter(c -> c.isVisibleTo(viewer.id()))
        .orElseThrow(() -> new NotFoundException("Contact", id));
  }

  List<Contact> own(CurrentUser owner, int page, int size) {
    return contacts.findByOwnerIdOrderByCreatedAtDesc(owner.id(), PageRequest.of(page, size));
  }

  private static void requireTimeZone(String zone) {
    if (zone == null) {
      return;
    }
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new InvalidFieldException("timeZone", "is not an IANA time zone such as Europe/Paris");
    }
  }
}
