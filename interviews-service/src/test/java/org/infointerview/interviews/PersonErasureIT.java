package org.infointerview.interviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bson.Document;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/**
 * PersonErased heard here: a student's interviews (notes and all), research notes and shares go, an
 * advisor's record and the shares made to them go, the audit names the erasure instead of the
 * person. Then the contacts topic read again from the start, as a fresh consumer group would (the
 * same facts under new event ids, so no duplicate check stops them): an erased advisor's older
 * profile and an erased contact's creation bring nothing back; a later sign-in does.
 */
@ServiceIT
class PersonErasureIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final KafkaProducer<String, String> producer = Infrastructure.get().producer();

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  private final String studentSubject = "student-" + UUID.randomUUID();
  private final String studentId = IDP.userId(studentSubject);
  private final String student = IDP.token(studentSubject, "student");

  @AfterEach
  void closeProducer() {
    producer.close(Duration.ofSeconds(5));
  }

  @Test
  void aStudentsInterviewsResearchAndSharesGoAndTheAuditKeepsOnlyTheFact() throws Exception {
    String advisorId = IDP.userId("advisor-" + UUID.randomUUID());
    send(profile(advisorId, 0));
    await().atMost(WAIT).until(() -> api.get("/advisors", student).body().contains(advisorId));
    String contactId = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(
        mongo, ContactSnapshotFixtures.optedInAlumnus(contactId, "Ada Park"));
    HttpResponse<String> planned =
        api.post(
            "/interviews",
            student,
            "{\"contactId\": \"%s\", \"purpose\": \"Learn the work.\"}".formatted(contactId));
    String interview = json.readTree(planned.body()).get("id").asString();
    api.put("/research/FIELD/HEALTH_SCIENCE", student, "{\"summary\": \"Private thoughts\"}");
    HttpResponse<String> shared =
        api.post("/me/shares", student, "{\"advisorId\": \"%s\"}".formatted(advisorId));
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);
    await()
        .atMost(WAIT)
        .alias("the cohort days counted their interview")
        .until(
            () ->
                mongo.count(
                        Query.query(Criteria.where("slices.students").is(studentId)), "cohort_days")
                    == 1);

    String reference = "erasure-" + UUID.randomUUID();
    send(erased(studentId, 1, reference, Instant.now()));

    await()
        .atMost(WAIT)
        .until(
            () ->
                mongo.exists(
                    Query.query(Criteria.where("resourceId").is("erased:" + reference)),
                    AuditLog.COLLECTION));
    assertThat(mongo.findById(interview, Document.class, "interviews")).isNull();
    assertThat(
            mongo.count(Query.query(Criteria.where("studentId").is(studentId)), "research_notes"))
        .isZero();
    assertThat(mongo.count(Query.query(Criteria.where("studentId").is(studentId)), "shares"))
        .isZero();
    assertThat(
            mongo.count(
                Query.query(Criteria.where("slices.students").is(studentId)), "cohort_days"))
        .as("the cohort days counted again without them")
        .isZero();
    assertThat(
            mongo.count(
                Query.query(
                    new Criteria()
                        .orOperator(
                            Criteria.where("subjectId").is(studentId),
                            Criteria.where("actorId").is(studentId))),
                AuditLog.COLLECTION))
        .as("the share's audit entry stays, naming the erasure")
        .isZero();
    assertThat(
            mongo.count(
                Query.query(Criteria.where("subjectId").is("erased:" + reference)),
                AuditLog.COLLECTION))
        .isPositive();
  }

  @Test
  void theTopicReadAgainBringsBackNeitherAnErasedAdvisorNorAnErasedContact() throws Exception {
    String advisorId = IDP.userId("advisor-" + UUID.randomUUID());
    Instant before = Instant.now().minus(Duration.ofDays(2));
    send(profile(advisorId, 0).at(before));
    await().atMost(WAIT).until(() -> mongo.findById(advisorId, Document.class, "advisors") != null);
    send(erased(advisorId, 1, "erasure-" + UUID.randomUUID(), Instant.now()));
    await().atMost(WAIT).until(() -> mongo.findById(advisorId, Document.class, "advisors") == null);

    GoldenEvent replayed = profile(advisorId, 0).at(before);
    send(replayed);
    await().atMost(WAIT).until(() -> processed("interviews-service.advisors", replayed));
    assertThat(mongo.findById(advisorId, Document.class, "advisors"))
        .as("an older profile of someone erased, read again")
        .isNull();

    send(profile(advisorId, 2));
    await("signing in again after the erasure starts anew")
        .atMost(WAIT)
        .until(() -> mongo.findById(advisorId, Document.class, "advisors") != null);

    String contactId = "64b7f0c2" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    send(GoldenEvent.of(EventType.CONTACT_CREATED).about(contactId).at(before));
    await()
        .atMost(WAIT)
        .until(() -> mongo.findById(contactId, Document.class, "contact_snapshots") != null);
    send(GoldenEvent.of(EventType.CONTACT_ERASED).about(contactId));
    await()
        .atMost(WAIT)
        .until(() -> mongo.findById(contactId, Document.class, "contact_snapshots") == null);
    GoldenEvent again = GoldenEvent.of(EventType.CONTACT_CREATED).about(contactId).at(before);
    send(again);
    await().atMost(WAIT).until(() -> processed("interviews-service.contacts", again));
    assertThat(mongo.findById(contactId, Document.class, "contact_snapshots"))
        .as("an erased contact's creation, read again")
        .isNull();
  }

  private boolean processed(String consumer, GoldenEvent event) {
    return mongo.findById(consumer + "/" + event.id(), Document.class, ProcessedEvents.COLLECTION)
        != null;
  }

  private GoldenEvent profile(String userId, long version) {
    return GoldenEvent.of(EventType.USER_PROFILE_PROVISIONED)
        .about(userId)
        .with("displayName", "Ada Advisor")
        .with("version", version)
        .withList("roles", "ADVISOR");
  }

  private static GoldenEvent erased(String userId, long version, String reference, Instant at) {
    return GoldenEvent.of(EventType.PERSON_ERASED)
        .about(userId)
        .with("version", version)
        .with("reference", reference)
        .at(at);
  }

  private void send(GoldenEvent event) throws Exception {
    String key = event.envelope().get("subject").asString();
    producer.send(GoldenEvent.asRelayed(Topics.CONTACTS, key, event.json())).get();
  }
}
