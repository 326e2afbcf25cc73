package org.infointerview.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactStatus;
import org.infointerview.contacts.contact.InstitutionContacts;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's erasure, started here over HTTP: an admin names a student by the address they signed
 * in with; PersonErased goes out; the student's own contacts are erased (each told as
 * ContactErased), the profile keeps nothing of them, the audit names the erasure instead of them; a
 * later sign-in starts anew. An alumnus asks for their own record to go. Unclear requests are
 * refused and leave nothing behind.
 */
@ServiceIT
class PersonErasureIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final Duration WAIT = Duration.ofSeconds(30);

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;
  @Autowired AggregateStore store;
  @Autowired AuditLog audit;

  private final String adminSubject = "admin-" + UUID.randomUUID();
  private final String admin = IDP.token(adminSubject, "admin");

  @Test
  void anAdminErasesAStudentEverywhereAndTheAuditKeepsOnlyTheFact() {
    String subject = "student-" + UUID.randomUUID();
    String userId = IDP.userId(subject);
    String address = subject + "@example.edu";
    String student =
        IDP.token(
            subject,
            TestIdentityProvider.AUDIENCE,
            Map.of("roles", List.of("student"), "email", address, "name", "Sam Erased"));
    assertThat(api.get("/me", student).statusCode()).isEqualTo(200);
    HttpResponse<String> added =
        api.post(
            "/contacts",
            student,
            "{\"givenName\": \"Aunt\", \"familyName\": \"Rosa\", \"notes\": \"my aunt\"}");
    String contactId = json.readTree(added.body()).get("id").asString();
    audit.record(
        new CurrentUser(
            "advisor-x", "https://sso.example.edu", "advisor-x", null, null, false, Set.of(), null),
        "READ_SOMETHING",
        "Contact",
        contactId,
        userId,
        "a look at the student's contacts");

    String reference;
    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      HttpResponse<String> erased =
          api.post(
              "/people/erasures",
              admin,
              "{\"email\": \""
                  + address.toUpperCase()
                  + "\", \"reason\": \"asked the registrar\"}");
      assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
      reference = json.readTree(erased.body()).get("reference").asString();

      JsonNode fact =
          json.readTree(events.published(userId, EventType.PERSON_ERASED, WAIT).value());
      assertThat(fact.get("data").get("reference").asString()).isEqualTo(reference);
      assertThat(fact.get("data").get("version").asLong()).isEqualTo(1);
      events.published(contactId, EventType.CONTACT_ERASED, WAIT);
    }

    assertThat(mongo.findById(contactId, Contact.class).status()).isEqualTo(ContactStatus.ERASED);
    Document profile = mongo.findById(userId, Document.class, "user_profiles");
    assertThat(profile.toJson()).doesNotContain("Sam Erased", address);
    await()
        .atMost(WAIT)
        .until(
            () ->
                mongo.exists(
                    Query.query(
                        Criteria.where("action")
                            .is("PERSON_ERASED")
                            .and("resourceId")
                            .is("erased:" + reference)),
                    AuditLog.COLLECTION));
    assertThat(
            mongo.count(
                Query.query(
                    new Criteria()
                        .orOperator(
                            Criteria.where("subjectId").is(userId),
                            Criteria.where("actorId").is(userId))),
                AuditLog.COLLECTION))
        .as("no audit entry names the person any more")
        .isZero();
    assertThat(
            mongo.count(
                Query.query(Criteria.where("subjectId").is("erased:" + reference)),
                AuditLog.COLLECTION))
        .as("the acts about them stay, naming the erasure")
        .isEqualTo(1);
    Document request =
        mongo.findOne(
            Query.query(
                Criteria.where("action")
                    .is("PERSON_ERASURE_REQUESTED")
                    .and("resourceId")
                    .is("erased:" + reference)),
            Document.class,
            AuditLog.COLLECTION);
    assertThat(request.getString("purpose"))
        .contains("asked the registrar")
        .doesNotContain(address);

    // signing in again later starts anew: a newer profile, nothing of before
    JsonNode again = json.readTree(api.get("/me", student).body());
    assertThat(again.get("displayName").asString()).isEqualTo("Sam Erased");
    assertThat(json.readTree(api.get("/contacts", student).body()).toString())
        .doesNotContain(contactId);
  }

  @Test
  void anAlumnusAsksForTheirOwnRecordToGo() {
    String address = "ada-" + UUID.randomUUID() + "@example.org";
    Contact record = new InstitutionContacts(store).adaLovelace(address);
    String alumnus =
        IDP.token(
            "alumnus-" + UUID.randomUUID(),
            TestIdentityProvider.AUDIENCE,
            Map.of("roles", List.of("alum"), "email", address, "email_verified", true));
    assertThat(api.get("/me", alumnus).statusCode()).isEqualTo(200);

    HttpResponse<String> erased = api.post("/me/erasure", alumnus, "{\"reason\": \"I moved on\"}");

    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
    await()
        .atMost(WAIT)
        .until(() -> mongo.findById(record.id(), Contact.class).status() == ContactStatus.ERASED);
    // the whole document at once: events written before the erasure (with the name) went with it
    assertThat(mongo.findById(record.id(), Document.class, "contacts").toJson())
        .doesNotContain(address, "Lovelace");
  }

  @Test
  void anUnclearRequestIsRefusedInWordsAndLeavesNothing() {
    String subject = "student-" + UUID.randomUUID();
    String userId = IDP.userId(subject);
    assertThat(api.get("/me", IDP.token(subject, "student")).statusCode()).isEqualTo(200);

    HttpResponse<String> both =
        api.post(
            "/people/erasures",
            admin,
            "{\"userId\": \"" + userId + "\", \"email\": \"someone@example.edu\"}");
    HttpResponse<String> neither = api.post("/people/erasures", admin, "{\"reason\": \"x\"}");
    HttpResponse<String> nobody =
        api.post(
            "/people/erasures",
            admin,
            "{\"email\": \"nobody-" + UUID.randomUUID() + "@example.edu\"}");
    HttpResponse<String> hostile =
        api.post("/people/erasures", admin, "{\"userId\": \"x\\u202Ey\"}");

    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(both.body()).contains("one of the two");
    assertThat(neither.statusCode()).isEqualTo(400);
    assertThat(nobody.statusCode()).isEqualTo(404);
    assertThat(nobody.body()).contains("Nobody signed in with that address");
    assertThat(hostile.statusCode()).isEqualTo(400);
    assertThat(mongo.findById(userId, Document.class, "user_profiles").getString("displayName"))
        .isNotEmpty();
    assertThat(
            mongo.count(
                Query.query(Criteria.where("actorId").is(IDP.userId(adminSubject))),
                AuditLog.COLLECTION))
        .as("no erasure was recorded")
        .isZero();
  }
}
