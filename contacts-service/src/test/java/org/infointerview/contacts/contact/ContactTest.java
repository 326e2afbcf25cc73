package org.infointerview.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.infointerview.events.contacts.ContactConsentChanged;
import org.infointerview.events.contacts.ContactCreated;
import org.infointerview.events.contacts.ContactErased;
import org.infointerview.events.contacts.ContactMerged;
import org.infointerview.events.contacts.ContactUpdated;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.security.Role;
import org.junit.jupiter.api.Test;

class ContactTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");
  private static final Instant LATER = NOW.plusSeconds(3600);
  static final ContactDetails PRIYA =
      ContactDetailsBuilder.builder()
          .givenName("Priyanka")
          .familyName("Raman")
          .preferredName("Priya")
          .pronouns("she/her")
          .emails(List.of("priya@example.org"))
          .phones(List.of("+13125550123"))
          .organizationName("Northwind Health")
          .jobTitle("Data Scientist")
          .industry("HEALTHCARE")
          .careerFields(List.of("HEALTH_SCIENCE"))
          .city("Chicago")
          .region("IL")
          .country("US")
          .timeZone("America/Chicago")
          .alumni(new AlumniFacts("A-1001", 2015, "BS", "Statistics", "Arts & Sciences"))
          .build();

  private static final CurrentUser STUDENT = user("student-1", Role.STUDENT);
  private static final CurrentUser OTHER_STUDENT = user("student-2", Role.STUDENT);
  private static final CurrentUser ADVISOR = user("advisor-1", Role.ADVISOR);
  private static final CurrentUser ADMIN = user("admin-1", Role.ADMIN);
  private static final CurrentUser ALUMNUS = user("alumnus-1", Role.ALUMNUS);

  @Test
  void aPersonalContactBelongsToItsStudentAndIsVisibleToNobodyElse() {
    Contact contact = Contact.personal("c-1", STUDENT.id(), PRIYA, NOW).state();

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
    Changed<Contact> linking = imported(Consent.notAsked()).linkedTo(ALUMNUS.id(), NOW);
    Contact linked = linking.state();

    assertThat(linked.isVisibleTo(ALUMNUS)).isTrue();
    assertThat(linked.isVisibleTo(STUDENT)).isFalse();
    assertThat(linking.events())
        .singleElement()
        .isInstanceOfSatisfying(
            ContactUpdated.class, u -> assertThat(u.linkedUserId()).isEqualTo(ALUMNUS.id()));
    assertThat(linked.creation().events())
        .singleElement()
        .isInstanceOfSatisfying(
            ContactCreated.class, c -> assertThat(c.linkedUserId()).isEqualTo(ALUMNUS.id()));
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
    Changed<Contact> added = Contact.personal("c-1", STUDENT.id(), PRIYA, NOW);
    assertThat(added.events()).hasSize(1);
    ContactCreated created = (ContactCreated) added.events().get(0);

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
    ContactDetails promoted = PRIYA.withJobTitle("Lead Data Scientist");

    Changed<Contact> revision =
        contact.revised(promoted, new Provenance("IMPORT", "imp-2", 7L, LATER, List.of()));
    Contact revised = revision.state();

    assertThat(revised.provenance())
        .last()
        .isEqualTo(new Provenance("IMPORT", "imp-2", 7L, LATER, List.of("jobTitle")));
    assertThat(revised.details().jobTitle()).isEqualTo("Lead Data Scientist");
    assertThat(revision.events())
        .singleElement()
        .isInstanceOfSatisfying(
            ContactUpdated.class,
            u -> {
              assertThat(u.jobTitle()).isEqualTo("Lead Data Scientist");
            });
  }

  @Test
  void anUnchangedRevisionIsNoChangeAtAll() {
    Contact contact = imported(Consent.notAsked());

    Changed<Contact> revision =
        contact.revised(PRIYA, new Provenance("IMPORT", "imp-2", 7L, LATER, List.of()));

    assertThat(revision.changed()).isFalse();
    assertThat(revision.state()).isSameAs(contact);
    assertThat(revision.events()).isEmpty();
  }

  @Test
  void consentChangesAreKeptInHistoryWithWhoAndWhen() {
    Contact contact = imported(Consent.notAsked());

    Changed<Contact> optingIn =
        contact.withConsent(
            optedIn(ContactPreference.SHOW_EMAIL, false), ConsentActor.SELF, ALUMNUS.id(), LATER);
    Contact optedIn = optingIn.state();

    assertThat(optedIn.consent().optedIn()).isTrue();
    assertThat(optedIn.consent().optedInAt()).isEqualTo(LATER);
    assertThat(optedIn.consent().optInSource()).isEqualTo(ConsentActor.SELF);
    assertThat(optedIn.consentHistory()).hasSize(2);
    assertThat(optedIn.consentHistory().get(1).actor()).isEqualTo(ConsentActor.SELF);
    assertThat(optingIn.events())
        .singleElement()
        .isInstanceOfSatisfying(
            ContactConsentChanged.class, c -> assertThat(c.changedBy()).isEqualTo("SELF"));
    assertThat(
            optedIn
                .withConsent(
                    optedIn(ContactPreference.SHOW_EMAIL, false), ConsentActor.ADMIN, "x", LATER)
                .changed())
        .isFalse();
  }

  @Test
  void erasureLeavesATombstoneWithoutPersonalData() {
    Changed<Contact> erasure = imported(Consent.notAsked()).erased(LATER);
    Contact erased = erasure.state();

    assertThat(erased.status()).isEqualTo(ContactStatus.ERASED);
    assertThat(erased.details().emails()).isEmpty();
    assertThat(erased.details().familyName()).isEmpty();
    assertThat(erased.provenance()).isEmpty();
    assertThat(erased.isVisibleTo(ADMIN)).isFalse();
    assertThat(erasure.events()).containsExactly(new ContactErased("a-1"));
    assertThat(erasure.forgetsUnsent()).as("the events not sent yet name the person").isTrue();
  }

  @Test
  void aMergeTellsTheSurvivorsNextVersionFromTheRecordItHides() {
    Contact survivor = imported(Consent.notAsked());
    Contact other =
        Contact.institutional(
                "a-2",
                ContactSource.ALUMNI_IMPORT,
                PRIYA.withEmails(List.of("p.raman@example.org")),
                optedIn(ContactPreference.VIA_PLATFORM, true),
                new Provenance("IMPORT", "imp-1", 2L, NOW, PRIYA.fieldsSet()),
                NOW)
            .state();

    Changed<Contact> absorbing = survivor.absorbing(other, ADMIN.id(), LATER);
    Changed<Contact> hidden = other.mergedInto(absorbing.state(), LATER);

    assertThat(absorbing.state().details().emails())
        .containsExactly("priya@example.org", "p.raman@example.org");
    assertThat(absorbing.state().consent().doNotContact())
        .as("do-not-contact from either holds")
        .isTrue();
    assertThat(hidden.state().status()).isEqualTo(ContactStatus.MERGED);
    assertThat(hidden.events()).containsExactly(new ContactMerged("a-1", "a-2", 0));
    assertThat(hidden.events().get(0).subject()).as("keyed by the survivor").isEqualTo("a-1");
  }

  private static Contact imported(Consent consent) {
    return Contact.institutional(
            "a-1",
            ContactSource.ALUMNI_IMPORT,
            PRIYA,
            consent,
            new Provenance("IMPORT", "imp-1", 1L, NOW, PRIYA.fieldsSet()),
            NOW)
        .state();
  }

  private static Consent optedIn(ContactPreference preference, boolean doNotContact) {
    return ConsentBuilder.builder()
        .optedIn(true)
        .optedInAt(NOW)
        .optInSource(ConsentActor.IMPORT)
        .preference(preference)
        .channel(ContactChannel.EMAIL)
        .maxRequestsPerMonth(2)
        .doNotContact(doNotContact)
        .build();
  }

  private static CurrentUser user(String subject, Role role) {
    return new CurrentUser("iss|" + subject, "iss", subject, null, null, false, Set.of(role), null);
  }
}
