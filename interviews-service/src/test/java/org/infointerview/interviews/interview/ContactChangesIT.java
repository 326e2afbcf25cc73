package org.infointerview.interviews.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.interviews.ContactSnapshotFixtures;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * contacts-service's golden facts, published as they are on the wire, acting on interviews: a merge
 * repoints them, a withdrawn consent cancels the waiting request with a reason the student reads,
 * an erasure forgets the person; each once, however often the fact arrives.
 */
@ServiceIT
class ContactChangesIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final KafkaProducer<String, String> producer = Infrastructure.get().producer();

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  private final String student = IDP.token("student-" + UUID.randomUUID(), "student");

  @AfterEach
  void close() {
    producer.close(Duration.ofSeconds(5));
  }

  @Test
  void aMergeRepointsTheInterviewToTheSurvivor() {
    String merged = "c-" + UUID.randomUUID();
    String survivor = "c-" + UUID.randomUUID();
    String id = planWith(merged, "Jon Smith");

    publish(
        GoldenEvent.of(EventType.CONTACT_MERGED)
            .subject(survivor)
            .with("survivorId", survivor)
            .with("mergedId", merged));

    await().atMost(WAIT).until(() -> stored(id).contact().contactId().equals(survivor));
    assertThat(stored(id).contact().displayName()).isEqualTo("Jon Smith");
  }

  @Test
  void aWithdrawnConsentCancelsTheWaitingRequestOnceWithAReasonTheStudentReads() {
    String contactId = "c-" + UUID.randomUUID();
    String id = planWith(contactId, "Ada Park");
    HttpResponse<String> asked =
        api.post(
            "/interviews/" + id + "/outreach",
            student,
            "{\"channel\": \"EMAIL\", \"message\": \"I found your name in the alumni directory.\"}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
    GoldenEvent withdrawn = GoldenEvent.of(EventType.CONTACT_CONSENT_CHANGED).about(contactId);
    // the person opted out: the golden example with its consent withdrawn
    String event = withdrawn.json().replace("\"optedIn\":true", "\"optedIn\":false");

    publishRaw(contactId, event);
    publishRaw(contactId, event);

    await().atMost(WAIT).until(() -> stored(id).status() == InterviewStatus.CANCELLED);
    Interview cancelled = stored(id);
    assertThat(cancelled.endReason()).contains("Ada Park").contains("no longer takes requests");
    assertThat(cancelled.history())
        .filteredOn(step -> step.status() == InterviewStatus.CANCELLED)
        .as("once, though the fact came twice")
        .hasSize(1);
    assertThat(
            json.readTree(api.get("/interviews/" + id, student).body()).get("endReason").asString())
        .contains("Ada Park");
  }

  @Test
  void anErasureForgetsWhomTheInterviewWasWith() {
    String contactId = "c-" + UUID.randomUUID();
    String id = planWith(contactId, "Grace Hopper");

    publish(GoldenEvent.of(EventType.CONTACT_ERASED).about(contactId));

    await().atMost(WAIT).until(() -> stored(id).contact().displayName().equals("Erased contact"));
    assertThat(api.get("/interviews/" + id, student).body()).doesNotContain("Grace Hopper");
    assertThat(stored(id).status()).isEqualTo(InterviewStatus.CANCELLED);
  }

  private String planWith(String contactId, String name) {
    ContactSnapshotFixtures.store(mongo, ContactSnapshotFixtures.volunteer(contactId, name, 5));
    HttpResponse<String> planned =
        api.post(
            "/interviews",
            student,
            "{\"contactId\": \"%s\", \"purpose\": \"Learn the work.\"}".formatted(contactId));
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    return json.readTree(planned.body()).get("id").asString();
  }

  private void publish(GoldenEvent event) {
    publishRaw(event.envelope().get("subject").asString(), event.json());
  }

  private void publishRaw(String key, String value) {
    producer.send(GoldenEvent.asRelayed(Topics.CONTACTS, key, value));
    producer.flush();
  }

  private Interview stored(String id) {
    return mongo.findById(id, Interview.class);
  }
}
