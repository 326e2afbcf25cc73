package org.infointerview.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactPreference;
import org.infointerview.contacts.contact.InstitutionContacts;
import org.infointerview.contacts.matching.DuplicateFinder;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The producer's side of every contract on {@code contacts.events}: each event type this service
 * publishes is caused here the way users cause it (through the API, an import, a merge), read back
 * from the topic, and held against its golden example ({@link GoldenEvent#assertPublishedAs}), the
 * same file the consumers' tests publish. A new event type without a check here fails the first
 * test.
 */
@ServiceIT
class PublishedEventsIT {

  ApiClient api;

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The types this test causes; every type the catalogue gives contacts.events must be here. */
  private static final Set<EventType> CHECKED =
      EnumSet.of(
          EventType.CONTACT_CREATED,
          EventType.CONTACT_UPDATED,
          EventType.CONTACT_CONSENT_CHANGED,
          EventType.CONTACT_ERASED,
          EventType.CONTACT_MERGED,
          EventType.ALUMNI_IMPORT_COMPLETED,
          EventType.USER_PROFILE_PROVISIONED,
          EventType.PERSON_ERASED);

  @Autowired AggregateStore store;
  @Autowired DuplicateFinder finder;
  @Autowired JsonMapper json;

  @Test
  void everyEventTypeOfThisServiceIsCheckedHere() {
    assertThat(Arrays.stream(EventType.values()).filter(t -> t.topic().equals(Topics.CONTACTS)))
        .containsExactlyInAnyOrderElementsOf(CHECKED);
  }

  @Test
  void aStudentsContactIsCreatedChangedAndErasedInTheContractsShapes() {
    String student = IDP.token("student-" + UUID.randomUUID(), "student");
    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      String id =
          json.readTree(
                  api.post(
                          "/contacts",
                          student,
                          """
                          {"givenName": "Priya", "familyName": "Raman",
                           "emails": ["priya@example.org"], "careerFields": ["HEALTH_SCIENCE"]}
                          """)
                      .body())
              .get("id")
              .asString();
      assertThat(
              api.send(
                      "PUT",
                      "/contacts/" + id,
                      student,
                      """
                      {"givenName": "Priya", "familyName": "Raman", "jobTitle": "Analyst"}
                      """,
                      Map.of("If-Match", "\"0\""))
                  .statusCode())
          .isEqualTo(200);
      assertThat(api.delete("/contacts/" + id, student).statusCode()).isEqualTo(204);

      events.published(id, EventType.CONTACT_CREATED, WAIT);
      events.published(id, EventType.CONTACT_UPDATED, WAIT);
      events.published(id, EventType.CONTACT_ERASED, WAIT);
    }
  }

  @Test
  void anAdminsConsentChangeAndAMergeAreInTheContractsShapes() {
    String admin = IDP.token("admin-" + UUID.randomUUID(), "admin");
    InstitutionContacts alumni = new InstitutionContacts(store).withoutAlumniIds();
    String family = "Pub" + UUID.randomUUID().toString().substring(0, 8);
    Contact jon = person(alumni, "Jon", family);
    Contact john = person(alumni, "John", family);
    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      assertThat(
              api.put(
                      "/contacts/" + jon.id() + "/consent",
                      admin,
                      "{\"optedIn\": true, \"maxRequestsPerMonth\": 2}")
                  .statusCode())
          .isEqualTo(200);
      finder.scan(List.of(family.toLowerCase()));
      // a review's id names its pair, the smaller id first
      String match =
          jon.id().compareTo(john.id()) < 0
              ? jon.id() + "~" + john.id()
              : john.id() + "~" + jon.id();
      assertThat(
              api.post(
                      "/matches/" + match + "/merge",
                      admin,
                      "{\"survivorId\": \"" + jon.id() + "\"}")
                  .statusCode())
          .isEqualTo(200);

      events.published(jon.id(), EventType.CONTACT_CONSENT_CHANGED, WAIT);
      events.published(jon.id(), EventType.CONTACT_MERGED, WAIT);
    }
  }

  @Test
  void anImportAndAFirstSignInAreInTheContractsShapes() {
    String subject = "admin-" + UUID.randomUUID();
    String admin = IDP.token(subject, "admin");
    String csv =
        "Alumni ID,First Name,Last Name,Email,Class Year\n"
            + "P-"
            + UUID.randomUUID()
            + ",Ada,Lovelace,ada-"
            + UUID.randomUUID()
            + "@example.org,1835\n";
    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      var accepted =
          api.send(
              "POST",
              "/imports?profile=alumni-db-export",
              admin,
              csv,
              Map.of("Content-Type", "text/csv"));
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      String importId = json.readTree(accepted.body()).get("id").asString();
      assertThat(api.get("/me", admin).statusCode()).isEqualTo(200);

      events.published(importId, EventType.ALUMNI_IMPORT_COMPLETED, WAIT);
      events.published(IDP.userId(subject), EventType.USER_PROFILE_PROVISIONED, WAIT);
    }
  }

  @Test
  void anErasureIsInTheContractsShape() {
    String subject = "student-" + UUID.randomUUID();
    assertThat(api.get("/me", IDP.token(subject, "student")).statusCode()).isEqualTo(200);
    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      var erased =
          api.post(
              "/people/erasures",
              IDP.token("admin-" + UUID.randomUUID(), "admin"),
              "{\"userId\": \"" + IDP.userId(subject) + "\"}");
      assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);

      events.published(IDP.userId(subject), EventType.PERSON_ERASED, WAIT);
    }
  }

  private static Contact person(InstitutionContacts alumni, String given, String family) {
    return alumni.alumnus(
        given,
        family,
        given.toLowerCase() + "-" + UUID.randomUUID() + "@example.org",
        "Same Org",
        "Engineer",
        2004,
        "Physics",
        List.of("STEM"),
        InstitutionContacts.optedIn(ContactPreference.SHOW_EMAIL));
  }
}
