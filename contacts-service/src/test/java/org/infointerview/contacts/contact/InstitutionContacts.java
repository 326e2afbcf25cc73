package org.infointerview.contacts.contact;

import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Outbox;

/** Test fixture: alumni stored the way an import stores them, with their ContactCreated. */
public final class InstitutionContacts {

  private final AggregateStore store;
  private final Outbox outbox;
  private final boolean alumniIds;

  public InstitutionContacts(AggregateStore store, Outbox outbox) {
    this(store, outbox, true);
  }

  private InstitutionContacts(AggregateStore store, Outbox outbox, boolean alumniIds) {
    this.store = store;
    this.outbox = outbox;
    this.alumniIds = alumniIds;
  }

  /** Fixtures whose people have no alumni database id (directory people, unmatched alumni). */
  public InstitutionContacts withoutAlumniIds() {
    return new InstitutionContacts(store, outbox, false);
  }

  public Contact alumnus(
      String givenName,
      String familyName,
      String email,
      String organization,
      String jobTitle,
      int graduationYear,
      String major,
      List<String> careerFields,
      Consent consent) {
    Contact contact =
        unsaved(
            givenName,
            familyName,
            email,
            organization,
            jobTitle,
            graduationYear,
            major,
            careerFields,
            consent);
    return store.insert(contact, List.of(outbox.entry(contact.id(), contact.created())));
  }

  /** An alumnus as {@link #alumnus} makes them, not stored yet. */
  public Contact unsaved(
      String givenName,
      String familyName,
      String email,
      String organization,
      String jobTitle,
      int graduationYear,
      String major,
      List<String> careerFields,
      Consent consent) {
    ContactDetails details =
        new ContactDetails(
            givenName,
            familyName,
            null,
            null,
            List.of(email),
            List.of("+13125550123"),
            null,
            organization,
            jobTitle,
            null,
            careerFields,
            "Chicago",
            "IL",
            "US",
            "America/Chicago",
            new AlumniFacts(
                alumniIds ? "A-" + new ObjectId().toHexString() : null,
                graduationYear,
                "BS",
                major,
                "Engineering"),
            List.of());
    Instant now = Instant.now();
    Contact contact =
        Contact.institutional(
            new ObjectId().toHexString(),
            ContactSource.ALUMNI_IMPORT,
            details,
            consent,
            new Provenance("IMPORT", "fixture", 1L, now, details.fieldsSet()),
            now);
    return contact;
  }

  /** An opted-in alumnus with their record already linked to a sign-in. */
  public Contact linkedAlumnus(String userId, String familyName) {
    Contact contact =
        alumnus(
            "Linked",
            familyName,
            "linked-" + new ObjectId().toHexString() + "@example.org",
            "Fixture Org",
            "Engineer",
            2012,
            "Physics",
            List.of("STEM"),
            optedIn(ContactPreference.VIA_PLATFORM));
    Contact linked = contact.linkedTo(userId, Instant.now());
    return store.update(linked, List.of(outbox.entry(linked.id(), linked.updated())));
  }

  /** An opted-in alumnus whom students find. */
  public Contact optedInAlumnus(String familyName) {
    return alumnus(
        "Open",
        familyName,
        "open-" + new ObjectId().toHexString() + "@example.org",
        "Fixture Org",
        "Engineer",
        2012,
        "Physics",
        List.of("STEM"),
        optedIn(ContactPreference.SHOW_EMAIL));
  }

  public static Consent optedIn(ContactPreference preference) {
    return new Consent(
        true, Instant.now(), ConsentActor.IMPORT, preference, ContactChannel.EMAIL, 2, null, false);
  }

  public static Consent notAsked() {
    return Consent.notAsked();
  }
}
