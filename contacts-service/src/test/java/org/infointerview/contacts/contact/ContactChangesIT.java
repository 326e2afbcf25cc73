package org.infointerview.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.infointerview.events.Topics;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Outbox;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Changing, erasing and consenting, as the people who may do each see it. */
@ServiceIT
class ContactChangesIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final String PRIYA =
      """
      {"givenName": "Priyanka", "familyName": "Raman", "emails": ["priya@example.org"],
       "phones": ["(312) 555-0123"], "organizationName": "Northwind Health",
       "jobTitle": "Data Scientist", "careerFields": ["Health Science"]}
      """;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;
  @Autowired AggregateStore store;
  @Autowired Outbox outbox;

  ApiClient api;
  private InstitutionContacts alumni;

  @BeforeEach
  void setUp() {
    alumni = new InstitutionContacts(store);
  }

  @Test
  void theOwnerReplacesDetailsWithTheETagTheyReadAndContactUpdatedFollows() {
    String student = IDP.token("student-" + UUID.randomUUID(), "student");
    String id = id(api.post("/contacts", student, PRIYA));

    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      HttpResponse<String> replaced =
          api.send(
              "PUT",
              "/contacts/" + id,
              student,
              PRIYA.replace("Data Scientist", "Lead Data Scientist"),
              Map.of("If-Match", "\"0\""));

      assertThat(replaced.statusCode()).isEqualTo(200);
      assertThat(replaced.headers().firstValue("ETag")).hasValue("\"1\"");
      JsonNode body = json.readTree(replaced.body());
      assertThat(body.get("jobTitle").asString()).isEqualTo("Lead Data Scientist");
      assertThat(body.get("phones").get(0).asString()).isEqualTo("+13125550123");
      assertThat(body.get("provenance").get(1).get("fields").toString())
          .isEqualTo("[\"jobTitle\"]");
      assertThat(events.pollForKey(id, Duration.ofSeconds(30)))
          .anySatisfy(r -> assertThat(r.value()).contains("\"type\":\"ContactUpdated\""));
    }
  }

  @Test
  void aStaleETagIsA412AndAMissingOneA428AndNeitherChangesAnything() {
    String student = IDP.token("student-" + UUID.randomUUID(), "student");
    String id = id(api.post("/contacts", student, PRIYA));
    String changed = PRIYA.replace("Data Scientist", "Someone Else's Title");

    HttpResponse<String> stale =
        api.send("PUT", "/contacts/" + id, student, changed, Map.of("If-Match", "\"7\""));
    HttpResponse<String> missing = api.send("PUT", "/contacts/" + id, student, changed, Map.of());
    HttpResponse<String> garbage =
        api.send("PUT", "/contacts/" + id, student, changed, Map.of("If-Match", "{\"$ne\":1}"));

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(missing.statusCode()).isEqualTo(428);
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(mongo.findById(id, Contact.class).details().jobTitle()).isEqualTo("Data Scientist");
    assertThat(mongo.findById(id, Contact.class).currentVersion()).isZero();
  }

  @Test
  void anotherStudentCannotChangeOrEraseAContactNorLearnThatItExists() {
    String owner = IDP.token("student-" + UUID.randomUUID(), "student");
    String intruder = IDP.token("student-" + UUID.randomUUID(), "student");
    String id = id(api.post("/contacts", owner, PRIYA));

    HttpResponse<String> put =
        api.send("PUT", "/contacts/" + id, intruder, PRIYA, Map.of("If-Match", "\"0\""));
    HttpResponse<String> delete = api.delete("/contacts/" + id, intruder);

    assertThat(put.statusCode()).isEqualTo(404);
    assertThat(delete.statusCode()).isEqualTo(404);
    assertThat(mongo.findById(id, Contact.class).status()).isEqualTo(ContactStatus.ACTIVE);
  }

  @Test
  void erasureRemovesThePersonalDataAndTellsTheOtherServices() {
    String student = IDP.token("student-" + UUID.randomUUID(), "student");
    String id = id(api.post("/contacts", student, PRIYA));

    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      assertThat(api.delete("/contacts/" + id, student).statusCode()).isEqualTo(204);

      assertThat(api.get("/contacts/" + id, student).statusCode()).isEqualTo(404);
      // The whole document at once: the events that had not gone out yet (the creation's, with
      // the name, if the relay had not sent it) went with the erasure.
      Document stored = mongo.findById(id, Document.class, "contacts");
      assertThat(stored.toJson()).doesNotContain("Raman").doesNotContain("priya@example.org");
      assertThat(events.pollForKey(id, Duration.ofSeconds(30)))
          .anySatisfy(r -> assertThat(r.value()).contains("\"type\":\"ContactErased\""));
    }
  }

  @Test
  void anAdminRecordsConsentWhichIsAuditedAndAnnounced() {
    Contact person =
        alumni.alumnus(
            "Ada",
            "Lovelace",
            "ada-" + UUID.randomUUID() + "@example.org",
            "Analytical Engines",
            "Engineer",
            2010,
            "Mathematics",
            List.of("STEM"),
            InstitutionContacts.notAsked());
    String admin = IDP.token("admin-" + UUID.randomUUID(), "admin");

    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      HttpResponse<String> response =
          api.put(
              "/contacts/" + person.id() + "/consent",
              admin,
              """
              {"optedIn": true, "contactPreference": "SHOW_EMAIL", "maxRequestsPerMonth": 2}
              """);

      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode consent = json.readTree(response.body()).get("consent");
      assertThat(consent.get("optedIn").asBoolean()).isTrue();
      assertThat(consent.get("maxRequestsPerMonth").asInt()).isEqualTo(2);
      Contact stored = mongo.findById(person.id(), Contact.class);
      assertThat(stored.consentHistory()).hasSize(2);
      assertThat(stored.consentHistory().get(1).actor()).isEqualTo(ConsentActor.ADMIN);
      assertThat(
              mongo.count(
                  Query.query(
                      Criteria.where("resourceId")
                          .is(person.id())
                          .and("action")
                          .is("CONSENT_CHANGED")),
                  AuditLog.COLLECTION))
          .isEqualTo(1);
      assertThat(events.pollForKey(person.id(), Duration.ofSeconds(30)))
          .anySatisfy(r -> assertThat(r.value()).contains("\"type\":\"ContactConsentChanged\""));
    }
  }

  @Test
  void consentOutsideItsRangeIsRefusedByFieldAndChangesNothing() {
    Contact person =
        alumni.alumnus(
            "Grace",
            "Hopper",
            "grace-" + UUID.randomUUID() + "@example.org",
            "Navy",
            "Admiral",
            1934,
            "Mathematics",
            List.of("STEM"),
            InstitutionContacts.notAsked());
    String admin = IDP.token("admin-" + UUID.randomUUID(), "admin");

    HttpResponse<String> response =
        api.put(
            "/contacts/" + person.id() + "/consent",
            admin,
            "{\"optedIn\": true, \"maxRequestsPerMonth\": 1000}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString())
        .isEqualTo("maxRequestsPerMonth");
    assertThat(mongo.findById(person.id(), Contact.class).consent().optedIn()).isFalse();
  }

  @Test
  void anAlumnusRecordIsLinkedAtTheirFirstSignInByTheVerifiedAddress() {
    String address = "ada-" + UUID.randomUUID() + "@example.org";
    Contact person = alumni.adaLovelace(address);
    String subject = "alumnus-" + UUID.randomUUID();

    assertThat(
            api.get("/me", alumnusToken("other-" + UUID.randomUUID(), address, false)).statusCode())
        .as("an address the provider does not vouch for links nothing")
        .isEqualTo(200);
    assertThat(mongo.findById(person.id(), Contact.class).linkedUserId()).isNull();

    assertThat(api.get("/me", alumnusToken(subject, address, true)).statusCode()).isEqualTo(200);
    assertThat(mongo.findById(person.id(), Contact.class).linkedUserId())
        .as("linked at sign-in (the gateway calls /me), before any visit to their profile")
        .isEqualTo(IDP.userId(subject));
  }

  @Test
  void anAlumnusFindsTheirRecordByVerifiedAddressOptsInAndOutAndEditsWhatStudentsSee() {
    String address = "alan-" + UUID.randomUUID() + "@example.org";
    Contact person =
        alumni.alumnus(
            "Alan",
            "Turing",
            address,
            "Bletchley Park",
            "Cryptanalyst",
            1934,
            "Mathematics",
            List.of("STEM"),
            InstitutionContacts.notAsked());
    String subject = "alumnus-" + UUID.randomUUID();
    String verified = alumnusToken(subject, address.toUpperCase(), true);
    String unverified = alumnusToken("other-" + UUID.randomUUID(), address, false);

    assertThat(api.get("/me/profile", unverified).statusCode()).isEqualTo(404);
    HttpResponse<String> mine = api.get("/me/profile", verified);
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(json.readTree(mine.body()).get("id").asString()).isEqualTo(person.id());
    assertThat(mongo.findById(person.id(), Contact.class).linkedUserId())
        .isEqualTo(IDP.userId(subject));

    HttpResponse<String> optIn =
        api.put("/me/profile/consent", verified, "{\"optedIn\": true, \"maxRequestsPerMonth\": 2}");
    assertThat(optIn.statusCode()).isEqualTo(200);
    assertThat(mongo.findById(person.id(), Contact.class).consent().optedIn()).isTrue();
    assertThat(mongo.findById(person.id(), Contact.class).consent().optInSource())
        .isEqualTo(ConsentActor.SELF);

    String etag = api.get("/me/profile", verified).headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> edited =
        api.send(
            "PUT",
            "/me/profile",
            verified,
            "{\"jobTitle\": \"Professor\", \"organizationName\": \"Manchester\","
                + " \"timeZone\": \"Europe/London\"}",
            Map.of("If-Match", etag));
    assertThat(edited.statusCode()).isEqualTo(200);
    assertThat(mongo.findById(person.id(), Contact.class).details().jobTitle())
        .isEqualTo("Professor");
    assertThat(mongo.findById(person.id(), Contact.class).details().familyName())
        .isEqualTo("Turing");

    HttpResponse<String> optOut = api.put("/me/profile/consent", verified, "{\"optedIn\": false}");
    assertThat(optOut.statusCode()).isEqualTo(200);
    assertThat(mongo.findById(person.id(), Contact.class).consent().optedIn()).isFalse();
    assertThat(mongo.findById(person.id(), Contact.class).consentHistory()).hasSize(3);
    assertThat(
            api.get("/contacts/" + person.id(), IDP.token("s-" + UUID.randomUUID(), "student"))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aStudentCannotChangeAnAlumnusRecordTheyCanSee() {
    Contact person =
        alumni.alumnus(
            "Katherine",
            "Johnson",
            "kj-" + UUID.randomUUID() + "@example.org",
            "NASA",
            "Mathematician",
            1937,
            "Mathematics",
            List.of("STEM"),
            InstitutionContacts.optedIn(ContactPreference.VIA_PLATFORM));
    String student = IDP.token("student-" + UUID.randomUUID(), "student");

    assertThat(api.get("/contacts/" + person.id(), student).statusCode()).isEqualTo(200);
    HttpResponse<String> put =
        api.send("PUT", "/contacts/" + person.id(), student, PRIYA, Map.of("If-Match", "\"0\""));
    HttpResponse<String> consent =
        api.put("/contacts/" + person.id() + "/consent", student, "{\"optedIn\": false}");

    assertThat(put.statusCode()).isEqualTo(403);
    assertThat(consent.statusCode()).isEqualTo(403);
    assertThat(mongo.findById(person.id(), Contact.class).currentVersion()).isZero();
  }

  @Test
  void aStudentExportsTheirOwnContactsWithFormulasNeutralized() {
    String subject = "student-" + UUID.randomUUID();
    String student = IDP.token(subject, "student");
    api.post(
        "/contacts",
        student,
        "{\"givenName\": \"=HYPERLINK(1)\", \"familyName\": \"Formula\","
            + " \"jobTitle\": \"+Lead\", \"organizationName\": \"@Acme\"}");
    api.post("/contacts", IDP.token("other-" + UUID.randomUUID(), "student"), PRIYA);

    HttpResponse<String> export = api.get("/contacts/export", student);

    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(export.body())
        .contains("'=HYPERLINK(1),Formula")
        .contains("'+Lead")
        .contains("'@Acme")
        .doesNotContain("Raman");
    assertThat(export.body().lines().count()).isEqualTo(2);
  }

  @Test
  void onlyAdminsExportTheDirectoryAndEachExportIsAudited() {
    Contact person =
        alumni.alumnus(
            "Dorothy",
            "Vaughan",
            "dv-" + UUID.randomUUID() + "@example.org",
            "NACA",
            "Supervisor",
            1932,
            "Mathematics",
            List.of("STEM"),
            InstitutionContacts.notAsked());
    String adminSubject = "admin-" + UUID.randomUUID();

    HttpResponse<String> export =
        api.get("/contacts/export?scope=directory", IDP.token(adminSubject, "admin"));

    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.body()).contains(person.id()).contains("Vaughan");
    assertThat(
            mongo.count(
                Query.query(
                    Criteria.where("actorId")
                        .is(IDP.userId(adminSubject))
                        .and("action")
                        .is("EXPORT")),
                AuditLog.COLLECTION))
        .isEqualTo(1);
    assertThat(api.get("/contacts/export?scope=directory", IDP.token("s", "student")).statusCode())
        .isEqualTo(403);
    assertThat(api.get("/contacts/export", IDP.token("a", "advisor")).statusCode()).isEqualTo(403);
    assertThat(api.get("/contacts/export?scope=everything", IDP.token("s", "student")).statusCode())
        .isEqualTo(400);
  }

  private String alumnusToken(String subject, String email, boolean verified) {
    return IDP.token(
        subject,
        TestIdentityProvider.AUDIENCE,
        Map.of("roles", List.of("alum"), "email", email, "email_verified", verified));
  }

  private String id(HttpResponse<String> created) {
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("id").asString();
  }
}
