package org.infointerview.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.infointerview.events.contacts.ContactCreated;
import org.infointerview.events.contacts.ContactUpdated;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.security.Role;
import org.junit.jupiter.api.Test;

class ContactTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");
  private static final Instant LATER = NOW.plusSeconds(3600);
  static final ContactDetails PRIYA =
      new ContactDetails(
          "Priyanka",
          "Raman",
          "Priya",
          "she/her",
          List.of("priya@example.org"),
          List.of("+13125550123"),
          null,
          "Northwind Health",
          "Data Scientist",
          "HEALTHCARE",
          List.of("HEALTH_SCIENCE"),
          "Chicago",
          "IL",
          "US",
          "America/Chicago",
          new AlumniFacts("A-1001", 2015, "BS", "Statistics", "Arts & Sciences"),
          List.of());

  private static final CurrentUser STUDENT = user("student-1", Role.STUDENT);
  private static final CurrentUser OTHER_STUDENT = user("student-2", Role.STUDENT);
  private static final CurrentUser ADVISOR = user("advisor-1", Role.ADVISOR);
  private static final CurrentUser ADMIN = user("admin-1", Role.ADMIN);
  private static final CurrentUser ALUMNUS = user("alumnus-1", Role.ALUMNUS);

  @Test
  void aPersonalContactBelongsToItsStudentAndIsVisibleToNobodyElse() {
    Contact contact = Contact.personal("c-1", STUDENT.id(), PRIYA, NOW);

    assertThat(contact.isVisibleTo(STUDENT)).isTrue();
    assertThat(contact.isVisibleTo(OTHER_STUDENT)).isFalse();
    assertThat(contact.isVisibleTo(ADMIN)).isFalse();
    assertThat(contact.isVisibleTo(ADVISOR)).isFalse();
  }

  @Test
  void anAlumnusWhoHasNotOptedInIsSeenOnlyByAdmins() {
    Contact alumnus = imported(Consent.notAsked());

    assertThat(alumnus.isVisibleTo(STUDENT)).isFalse();
    assertThat(alumnus.isVisibleTo(ADVISOR)).isFalse();
    assertThat(alumnus.isVisibleTo(ALUMNUS)).isFalse();
    assertThat(alumnus.isVisibleTo(ADMIN)).isTrue();
  }

  @Test
  void theLinkedPersonSeesTheirRecordAndItsEventsSaySoForEveryReadModel() {
    Contact linked = imported(Consent.notAsked()).linkedTo(ALUMNUS.id(), NOW);

    assertThat(linked.isVisibleTo(ALUMNUS)).isTrue();
    assertThat(linked.isVisibleTo(STUDENT)).isFalse();
    assertThat(linked.updated().linkedUserId()).isEqualTo(ALUMNUS.id());
    assertThat(linked.created().linkedUserId()).isEqualTo(ALUMNUS.id());
  }

  @Test
  void anOptedInAlumnusIsFoundByStudentsButNotOnceTheySayDoNotContact() {
    Contact optedIn = imported(optedIn(ContactPreference.VIA_PLATFORM, false));
    Contact doNotContact = imported(optedIn(ContactPreference.VIA_PLATFORM, true));

    assertThat(optedIn.isVisibleTo(STUDENT)).isTrue();
    assertThat(optedIn.isVisibleTo(ADVISOR)).isTrue();
    assertThat(doNotContact.isVisibleTo(STUDENT)).isFalse();
  }

  @Test
  void viaPlatformHidesAddressesFromStudentsButNotFromAdmins() {
    Contact viaPlatform = imported(optedIn(ContactPreference.VIA_PLATFORM, false));
    Contact showEmail = imported(optedIn(ContactPreference.SHOW_EMAIL, false));

    assertThat(ContactResponse.of(viaPlatform, STUDENT).emails()).isEmpty();
    assertThat(ContactResponse.of(viaPlatform, STUDENT).phones()).isEmpty();
    assertThat(ContactResponse.of(viaPlatform, STUDENT).alumni().externalId()).isNull();
    assertThat(ContactResponse.of(viaPlatform, ADMIN).emails())
        .containsExactly("priya@example.org");
    assertThat(ContactResponse.of(showEmail, STUDENT).emails())
        .containsExactly("priya@example.org");
  }

  @Test
  void itsCreationFactCarriesThePreferredNameAndNoAddressOrPhone() {
    ContactCreated created = Contact.personal("c-1", STUDENT.id(), PRIYA, NOW).created();

    assertThat(created.displayName()).isEqualTo("Priya Raman");
    assertThat(created.ownerId()).isEqualTo(STUDENT.id());
    assertThat(created.source()).isEqualTo("PERSONAL");
    assertThat(created.consent().optedIn()).isFalse();
    assertThat(created.version()).isZero();
    assertThat(created.toString()).doesNotContain("priya@example.org").doesNotContain("+1312");
  }

  @Test
  void aRevisionRecordsOnlyTheFieldsThatChangedAndWhereFrom() {
    Contact contact = imported(Consent.notAsked());
    ContactDetails promoted =
        new ContactDetails(
            PRIYA.givenName(),
            PRIYA.familyName(),
            PRIYA.preferredName(),
            PRIYA.pronouns(),
            PRIYA.emails(),
            PRIYA.phones(),
            null,
            PRIYA.organizationName(),
            "Lead Data Scientist",
            PRIYA.industry(),
            PRIYA.careerFields(),
            PRIYA.city(),
            PRIYA.region(),
            PRIYA.country(),
            PRIYA.timeZone(),
            PRIYA.alumni(),
            PRIYA.tags());

    Contact revised =
        contact.revised(promoted, new Provenance("IMPORT", "imp-2", 7L, LATER, List.of()));

    assertThat(revised.provenance())
        .last()
        .isEqualTo(new Provenance("IMPORT", "imp-2", 7L, LATER, List.of("jobTitle")));
    assertThat(revised.details().jobTitle()).isEqualTo("Lead Data Scientist");
    ContactUpdated updated = revised.updated();
    assertThat(updated.jobTitle()).isEqualTo("Lead Data Scientist");
  }

  @Test
  void anUnchangedRevisionIsNoChangeAtAll() {
    Contact contact = imported(Consent.notAsked());

    assertThat(contact.revised(PRIYA, new Provenance("IMPORT", "imp-2", 7L, LATER, List.of())))
        .isSameAs(contact);
  }

  @Test
  void consentChangesAreKeptInHistoryWithWhoAndWhen() {
    Contact contact = imported(Consent.notAsked());

    Contact optedIn =
        contact.withConsent(
            optedIn(ContactPreference.SHOW_EMAIL, false), ConsentActor.SELF, ALUMNUS.id(), LATER);

    assertThat(optedIn.consent().optedIn()).isTrue();
    assertThat(optedIn.consent().optedInAt()).isEqualTo(LATER);
    assertThat(optedIn.consent().optInSource()).isEqualTo(ConsentActor.SELF);
    assertThat(optedIn.consentHistory()).hasSize(2);
    assertThat(optedIn.consentHistory().get(1).actor()).isEqualTo(ConsentActor.SELF);
    assertThat(optedIn.consentChanged().changedBy()).isEqualTo("SELF");
    assertThat(
            optedIn.withConsent(
                optedIn(ContactPreference.SHOW_EMAIL, false), ConsentActor.ADMIN, "x", LATER))
        .isSameAs(optedIn);
  }

  @Test
  void erasureLeavesATombstoneWithoutPersonalData() {
    Contact erased = imported(Consent.notAsked()).erased(LATER);

    assertThat(erased.status()).isEqualTo(ContactStatus.ERASED);
    assertThat(erased.details().emails()).isEmpty();
    assertThat(erased.details().familyName()).isEmpty();
    assertThat(erased.provenance()).isEmpty();
    assertThat(erased.isVisibleTo(ADMIN)).isFalse();
  }

  private static Contact imported(Consent consent) {
    return Contact.institutional(
        "a-1",
        ContactSource.ALUMNI_IMPORT,
        PRIYA,
        consent,
        new Provenance("IMPORT", "imp-1", 1L, NOW, PRIYA.fieldsSet()),
        NOW);
  }

  private static Consent optedIn(ContactPreference preference, boolean doNotContact) {
    return new Consent(
        true, NOW, ConsentActor.IMPORT, preference, ContactChannel.EMAIL, 2, null, doNotContact);
  }

  private static CurrentUser user(String subject, Role role) {
    return new CurrentUser("iss|" + subject, "iss", subject, null, null, false, Set.of(role), null);
  }
}
