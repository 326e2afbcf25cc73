package org.infointerview.contacts.contact;

import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import org.infointerview.messaging.outbox.AggregateStore;

/** Test fixture: alumni stored the way an import stores them, with their ContactCreated. */
public final class InstitutionContacts {

  private final AggregateStore store;
  private final boolean alumniIds;

  public InstitutionContacts(AggregateStore store) {
    this(store, true);
  }

  private InstitutionContacts(AggregateStore store, boolean alumniIds) {
    this.store = store;
    this.alumniIds = alumniIds;
  }

  /** Fixtures whose people have no alumni database id (directory people, unmatched alumni). */
  public InstitutionContacts withoutAlumniIds() {
    return new InstitutionContacts(store, false);
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
    return store.insert(contact.creation());
  }

  /** Ada Lovelace (1835, Mathematics, a programmer at Analytical Engines) at this address. */
  public Contact adaLovelace(String email) {
    return alumnus(
        "Ada",
        "Lovelace",
        email,
        "Analytical Engines",
        "Programmer",
        1835,
        "Mathematics",
        List.of("STEM"),
        notAsked());
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
        ContactDetailsBuilder.builder()
            .givenName(givenName)
            .familyName(familyName)
            .emails(List.of(email))
            .phones(List.of("+13125550123"))
            .organizationName(organization)
            .jobTitle(jobTitle)
            .careerFields(careerFields)
            .city("Chicago")
            .region("IL")
            .country("US")
            .timeZone("America/Chicago")
            .alumni(
                new AlumniFacts(
                    alumniIds ? "A-" + new ObjectId().toHexString() : null,
                    graduationYear,
                    "BS",
                    major,
                    "Engineering"))
            .build();
    Instant now = Instant.now();
    return Contact.institutional(
            new ObjectId().toHexString(),
            ContactSource.ALUMNI_IMPORT,
            details,
            consent,
            new Provenance("IMPORT", "fixture", 1L, now, details.fieldsSet()),
            now)
        .state();
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
    return store.update(contact.linkedTo(userId, Instant.now()));
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
    return Consent.notAsked()
        .with(
            c ->
                c.optedIn(true)
                    .optedInAt(Instant.now())
                    .optInSource(ConsentActor.IMPORT)
                    .preference(preference)
                    .maxRequestsPerMonth(2));
  }

  public static Consent notAsked() {
    return Consent.notAsked();
  }
}
