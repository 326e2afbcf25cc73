package org.infointerview.contacts.contact;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.problem.PreconditionException;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Adds, changes and erases contacts, each change stored with its event in one write. Whoever may
 * not see a contact gets a 404, whether or not it exists.
 */
@Service
public class ContactService {

  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final ContactRules rules;
  private final AuditLog audit;
  private final Clock clock;

  ContactService(
      MongoTemplate mongo, AggregateStore store, ContactRules rules, AuditLog audit, Clock clock) {
    this.mongo = mongo;
    this.store = store;
    this.rules = rules;
    this.audit = audit;
    this.clock = clock;
  }

  /** Adds a student's own contact and records ContactCreated with it. */
  Contact addPersonal(CurrentUser student, ContactRequest request) {
    ContactDetails details = valid(request.draft(null));
    return store.insert(
        Contact.personal(new ObjectId().toHexString(), student.id(), details, clock.instant()));
  }

  /** A contact the caller may see; 404 otherwise, whether or not it exists. */
  Contact visible(CurrentUser viewer, String id) {
    Contact contact = mongo.findById(id, Contact.class);
    if (contact == null || !contact.isVisibleTo(viewer)) {
      throw new NotFoundException("Contact", id);
    }
    return contact;
  }

  /** Replaces a contact's details if the caller read the current version. */
  Contact replace(CurrentUser editor, String id, long readVersion, ContactRequest request) {
    Contact contact = editable(editor, id);
    requireVersion(contact, readVersion);
    ContactDetails details = valid(request.draft(contact.details().externalAlumniId()));
    return write(
        contact.revised(
            details,
            new Provenance(
                editor.has(Role.ADMIN) && !contact.source().isOwned() ? "ADMIN" : "STUDENT",
                editor.id(),
                null,
                clock.instant(),
                List.of())));
  }

  /**
   * Erases a contact: its details are gone at once and ContactErased tells the other services to
   * forget it. An admin's erasure of an institution contact is audited.
   */
  void erase(CurrentUser actor, String id, @Nullable String purpose) {
    Contact contact = editable(actor, id);
    if (!contact.source().isOwned()) {
      audit.record(
          actor,
          "ERASURE",
          "Contact",
          id,
          null,
          purpose == null || purpose.isBlank() ? "erasure request" : purpose.strip());
    }
    write(contact.erased(clock.instant()));
  }

  /** An admin records a person's consent, as they asked for it. Audited. */
  Contact changeConsent(CurrentUser admin, String id, ConsentRequest request, @Nullable Long read) {
    Contact contact = editable(admin, id);
    if (contact.source().isOwned()) {
      throw new InvalidFieldException(
          "consent", "a student's own contact has no consent to manage");
    }
    if (read != null) {
      requireVersion(contact, read);
    }
    Changed<Contact> changed =
        contact.withConsent(request.consent(), ConsentActor.ADMIN, admin.id(), clock.instant());
    if (!changed.changed()) {
      return contact;
    }
    audit.record(admin, "CONSENT_CHANGED", "Contact", id, null, "consent recorded by an admin");
    return write(changed);
  }

  /**
   * The alumni record of the person signed in: the one already linked to them, or the one whose
   * address their identity provider vouches for, which is then linked to them.
   */
  /**
   * Links the alumnus' record to their sign-in if it is not yet and one is found by the address
   * their identity provider vouches for; nothing when there is none.
   */
  public void linkOwnRecord(CurrentUser alumnus) {
    try {
      ownRecord(alumnus);
    } catch (NotFoundException none) {
      // no record to link (yet): their profile page says why
    }
  }

  Contact ownRecord(CurrentUser alumnus) {
    Contact linked =
        mongo.findOne(
            Query.query(
                Criteria.where("linkedUserId")
                    .is(alumnus.id())
                    .and("status")
                    .is(ContactStatus.ACTIVE)),
            Contact.class);
    if (linked != null) {
      return linked;
    }
    if (alumnus.email() == null || !alumnus.emailVerified()) {
      throw new NotFoundException(
          "No alumni record is linked to your sign-in, and your identity provider does not vouch"
              + " for an email address to find it by; ask your career center.");
    }
    List<Contact> candidates =
        mongo.find(
            Query.query(
                    Criteria.where("emailKeys")
                        .is(alumnus.email().toLowerCase(Locale.ROOT))
                        .and("ownerId")
                        .isNull()
                        .and("linkedUserId")
                        .isNull()
                        .and("status")
                        .is(ContactStatus.ACTIVE))
                .with(Sort.by("createdAt"))
                .limit(1),
            Contact.class);
    if (candidates.isEmpty()) {
      throw new NotFoundException(
          "No alumni record has the address you signed in with; ask your career center.");
    }
    return write(candidates.get(0).linkedTo(alumnus.id(), clock.instant()));
  }

  /** The person changes what they agree to; opting out is always one call away. Audited. */
  Contact changeOwnConsent(CurrentUser alumnus, ConsentRequest request) {
    for (int attempt = 0; ; attempt++) {
      Contact own = ownRecord(alumnus);
      Changed<Contact> changed =
          own.withConsent(request.consent(), ConsentActor.SELF, alumnus.id(), clock.instant());
      if (!changed.changed()) {
        return own;
      }
      try {
        Contact written = store.update(changed);
        audit.record(
            alumnus, "CONSENT_CHANGED", "Contact", own.id(), null, "changed by the person");
        return written;
      } catch (OptimisticLockingFailureException raced) {
        if (attempt >= 2) {
          throw raced;
        }
      }
    }
  }

  /** The person updates what students see of them (not their names or alumni facts). */
  Contact changeOwnProfile(CurrentUser alumnus, long readVersion, ProfileRequest request) {
    Contact own = ownRecord(alumnus);
    requireVersion(own, readVersion);
    ContactDetails details = valid(request.draftOver(own.details()));
    return write(
        own.revised(
            details, new Provenance("SELF", alumnus.id(), null, clock.instant(), List.of())));
  }

  /**
   * The live record mail to this contact goes to: a merged record's survivor; empty when there is
   * none (never existed, or erased).
   */
  Optional<Contact> forMail(String id) {
    Contact contact = mongo.findById(id, Contact.class);
    for (int hop = 0; contact != null && hop < 5; hop++) {
      if (contact.status() == ContactStatus.ACTIVE) {
        return Optional.of(contact);
      }
      String next = contact.mergedIntoId();
      contact = next == null ? null : mongo.findById(next, Contact.class);
    }
    return Optional.empty();
  }

  /** The ids of the live records linked to this platform user (at most a few). */
  List<String> linkedTo(String userId) {
    Query query =
        Query.query(
                Criteria.where("linkedUserId").is(userId).and("status").is(ContactStatus.ACTIVE))
            .limit(20);
    query.fields().include("_id");
    return mongo.find(query, org.bson.Document.class, "contacts").stream()
        .map(d -> String.valueOf(d.get("_id")))
        .toList();
  }

  /**
   * The person asked, by the link in a mail, to get no more: never contacted again, whatever else
   * says, until they opt in again themselves. Audited; the same ask again changes nothing.
   */
  Contact unsubscribe(CurrentUser service, String id) {
    for (int attempt = 0; ; attempt++) {
      Contact contact = forMail(id).orElseThrow(() -> new NotFoundException("Contact", id));
      Consent asked = contact.consent().withDoNotContact(true).withOptedIn(false);
      Changed<Contact> changed =
          contact.withConsent(asked, ConsentActor.MAIL_LINK, null, clock.instant());
      if (!changed.changed()) {
        return contact;
      }
      try {
        Contact written = store.update(changed);
        audit.record(
            service,
            "CONSENT_CHANGED",
            "Contact",
            contact.id(),
            null,
            "unsubscribed by the person, through the link in a mail");
        return written;
      } catch (OptimisticLockingFailureException raced) {
        if (attempt >= 2) {
          throw raced;
        }
      }
    }
  }

  private Contact editable(CurrentUser editor, String id) {
    Contact contact = mongo.findById(id, Contact.class);
    if (contact == null || !contact.isVisibleTo(editor)) {
      throw new NotFoundException("Contact", id);
    }
    if (!contact.isEditableBy(editor)) {
      throw new AccessDeniedException("not yours to change");
    }
    return contact;
  }

  private static void requireVersion(Contact contact, long readVersion) {
    if (contact.currentVersion() != readVersion) {
      throw PreconditionException.changed("Contact " + contact.id());
    }
  }

  /** Writes a change; a contact changed meanwhile is the caller's 412. */
  private Contact write(Changed<Contact> change) {
    try {
      return store.update(change);
    } catch (OptimisticLockingFailureException e) {
      throw PreconditionException.changed("Contact " + change.state().id());
    }
  }

  private ContactDetails valid(ContactDraft draft) {
    ContactRules.Checked checked = rules.check(draft);
    if (!checked.valid()) {
      throw new InvalidFieldException(checked.errors());
    }
    return checked.details();
  }
}
