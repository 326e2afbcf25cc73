package org.infointerview.interviews.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.interviews.ContactSnapshotFixtures;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retention over HTTP, records kept five years after the class year: the dry run lists a student of
 * the class of 2015 with their interview and research note, and removes nothing; the run removes
 * them, keeps a student of 2025's, and is audited with counts only; years that make no sense are
 * refused.
 */
@ServiceIT
@TestPropertySource(properties = "infointerview.retention.graduated-years=5")
class RetentionIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;
  @Autowired Retention retention;

  private final String admin = IDP.token("admin-" + UUID.randomUUID(), "admin");

  @Test
  void theDryRunListsWhatWouldGoAndTheRunRemovesOnlyThat() throws Exception {
    String graduated = "student-" + UUID.randomUUID();
    String current = "student-" + UUID.randomUUID();
    studies(graduated, 2015);
    studies(current, 2025);
    String old = plan(graduated);
    String kept = plan(current);
    api.put(
        "/research/FIELD/HEALTH_SCIENCE",
        IDP.token(graduated, "student"),
        "{\"summary\": \"From my junior year.\"}");

    HttpResponse<String> dryRun = api.get("/retention?years=5", admin);

    assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
    JsonNode preview = json.readTree(dryRun.body());
    assertThat(preview.get("graduatedBy").asInt()).isLessThanOrEqualTo(2021);
    assertThat(preview.get("listed").toString())
        .contains(IDP.userId(graduated))
        .doesNotContain(IDP.userId(current));
    assertThat(preview.get("records").get("interviews").asLong()).isPositive();
    assertThat(preview.get("records").get("research notes").asLong()).isPositive();
    assertThat(mongo.findById(old, Document.class, "interviews"))
        .as("a dry run removes nothing")
        .isNotNull();

    HttpResponse<String> run = api.post("/retention/runs", admin, "");

    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    assertThat(mongo.findById(old, Document.class, "interviews")).isNull();
    assertThat(
            mongo.count(
                Query.query(Criteria.where("studentId").is(IDP.userId(graduated))),
                "research_notes"))
        .isZero();
    assertThat(mongo.findById(kept, Document.class, "interviews")).isNotNull();
    Document audited =
        mongo.findOne(
            Query.query(Criteria.where("action").is("RETENTION_APPLIED")),
            Document.class,
            AuditLog.COLLECTION);
    assertThat(audited.toJson()).doesNotContain(IDP.userId(graduated));

    assertThat(api.get("/retention?years=0", admin).statusCode()).isEqualTo(400);
    assertThat(api.get("/retention?years=many", admin).statusCode()).isEqualTo(400);
  }

  @Test
  void theScheduleRunsOnceADay() throws Exception {
    String graduated = "student-" + UUID.randomUUID();
    studies(graduated, 2014);
    String old = plan(graduated);
    // the next day: yesterday's lock has ended
    mongo.remove(new Query(), "retention_locks");

    retention.tick();

    assertThat(mongo.findById(old, Document.class, "interviews")).isNull();
    String later = plan(graduated);
    retention.tick();
    assertThat(mongo.findById(later, Document.class, "interviews"))
        .as("one run a day: the day's lock holds")
        .isNotNull();
  }

  private void studies(String subject, int classYear) throws Exception {
    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.CONTACTS,
                  IDP.userId(subject),
                  GoldenEvent.of(EventType.USER_PROFILE_PROVISIONED)
                      .about(IDP.userId(subject))
                      .with("classYear", classYear)
                      .json()))
          .get();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mongo.findById(IDP.userId(subject), Document.class, "students") != null);
  }

  private String plan(String subject) {
    String contactId = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(
        mongo, ContactSnapshotFixtures.optedInAlumnus(contactId, "Ada Park"));
    HttpResponse<String> planned =
        api.post(
            "/interviews",
            IDP.token(subject, "student"),
            "{\"contactId\": \"%s\", \"purpose\": \"Learn the work.\"}".formatted(contactId));
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    return json.readTree(planned.body()).get("id").asString();
  }
}
