package org.infointerview.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.infointerview.events.contacts.ContactCreated;
import org.junit.jupiter.api.Test;

class ContactTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");
  private static final ContactDetails PRIYA =
      new ContactDetails(
          "Priyanka",
          "Raman",
          "Priya",
          List.of("priya@example.org"),
          "Northwind Health",
          "Data Scientist",
          List.of("HEALTH_SCIENCE"),
          "America/Chicago");

  @Test
  void aPersonalContactBelongsToItsStudentAndIsVisibleToNobodyElse() {
    Contact contact = Contact.personal("c-1", "iss|student-1", PRIYA, NOW);

    assertThat(contact.isVisibleTo("iss|student-1")).isTrue();
    assertThat(contact.isVisibleTo("iss|student-2")).isFalse();
  }

  @Test
  void itsCreationFactCarriesThePreferredNameAndNoEmailAddress() {
    ContactCreated created = Contact.personal("c-1", "iss|student-1", PRIYA, NOW).created();

    assertThat(created.displayName()).isEqualTo("Priya Raman");
    assertThat(created.ownerId()).isEqualTo("iss|student-1");
    assertThat(created.source()).isEqualTo("PERSONAL");
    assertThat(created.consent().optedIn()).isFalse();
    assertThat(created.version()).isZero();
    assertThat(created.toString()).doesNotContain("priya@example.org");
  }
}
