package org.infointerview.interviews.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A student shares with an advisor over HTTP: the advisors come from contacts-service's profiles
 * (the event on the topic); one interview shared is listed for the advisor without notes and read
 * with them, each read in the student's "who saw my records"; an interview not shared is a 404 as a
 * missing one is, and so is every one after the student stops sharing; another student cannot stop
 * it.
 */
@ServiceIT
class SharingIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  private final KafkaProducer<String, String> producer = Infrastructure.get().producer();

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  private final String advisorSubject = "advisor-" + UUID.randomUUID();
  private final String advisor = IDP.token(advisorSubject, "advisor");
  private final String student = IDP.token("student-" + UUID.randomUUID(), "student");

  @AfterEach
  void closeProducer() {
    producer.close(Duration.ofSeconds(5));
  }

  @Test
  void anAdvisorReadsOnlyWhatIsSharedAndEachReadIsInTheStudentsList() throws Exception {
    String advisorId = IDP.userId(advisorSubject);
    provision(advisorId, "Ada Advisor", "ADVISOR");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/advisors", student).body().contains(advisorId));

    String shared = plan("Ada Park");
    String unshared = plan("Ben Okafor");
    schedule(shared, 3);
    schedule(unshared, 4);
    api.put(
        "/interviews/" + shared + "/notes",
        student,
        "{\"learned\": \"Clinical data teams start as analysts.\"}");
    api.put(
        "/interviews/" + unshared + "/notes",
        student,
        "{\"learned\": \"Private: I am not sure about this field.\"}");

    HttpResponse<String> share =
        api.post(
            "/me/shares",
            student,
            "{\"advisorId\": \"%s\", \"interviewId\": \"%s\"}".formatted(advisorId, shared));
    assertThat(share.statusCode()).as(share.body()).isEqualTo(201);
    String shareId = json.readTree(share.body()).get("id").asString();

    JsonNode list = json.readTree(api.get("/shared", advisor).body());
    assertThat(list.size()).isEqualTo(1);
    assertThat(list.get(0).get("interview").get("id").asString()).isEqualTo(shared);
    assertThat(list.get(0).get("studentName").asString()).startsWith("Test student-");
    assertThat(list.toString())
        .as("a list carries no notes: those are read one at a time, recorded")
        .doesNotContain("Clinical data teams");

    HttpResponse<String> read = api.get("/shared/" + shared, advisor);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("Clinical data teams start as analysts.");
    HttpResponse<String> notShared = api.get("/shared/" + unshared, advisor);
    HttpResponse<String> missing = api.get("/shared/no-such-interview", advisor);
    assertThat(notShared.statusCode()).isEqualTo(404);
    assertThat(notShared.body())
        .doesNotContain("Private")
        .isEqualTo(missing.body().replace("no-such-interview", unshared));

    JsonNode reads = json.readTree(api.get("/me/record-reads", student).body());
    assertThat(reads.size()).isEqualTo(1);
    assertThat(reads.get(0).get("actorId").asString()).isEqualTo(advisorId);
    assertThat(reads.get(0).get("resourceId").asString()).isEqualTo(shared);
    assertThat(reads.get(0).get("purpose").asString())
        .startsWith("shared by the student with Ada Advisor");

    String other = IDP.token("student-" + UUID.randomUUID(), "student");
    assertThat(api.delete("/me/shares/" + shareId, other).statusCode()).isEqualTo(404);
    assertThat(api.delete("/me/shares/" + shareId, student).statusCode()).isEqualTo(204);
    assertThat(api.get("/shared/" + shared, advisor).statusCode()).isEqualTo(404);
    assertThat(json.readTree(api.get("/shared", advisor).body()).size()).isZero();
  }

  @Test
  void sharingAllCoversLaterInterviewsAndOnlyAdvisorsAndOwnInterviewsAreAccepted()
      throws Exception {
    String advisorId = IDP.userId(advisorSubject);
    provision(advisorId, "Ada Advisor", "ADVISOR");
    String notAnAdvisor = IDP.userId("student-" + UUID.randomUUID());
    provision(notAnAdvisor, "Sam Student", "STUDENT");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/advisors", student).body().contains(advisorId));

    HttpResponse<String> wrong =
        api.post("/me/shares", student, "{\"advisorId\": \"%s\"}".formatted(notAnAdvisor));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("advisorId").contains("is not an advisor");
    String others = IDP.token("student-" + UUID.randomUUID(), "student");
    String theirs = planAs(others, "Chen Li");
    assertThat(
            api.post(
                    "/me/shares",
                    student,
                    "{\"advisorId\": \"%s\", \"interviewId\": \"%s\"}".formatted(advisorId, theirs))
                .statusCode())
        .as("another student's interview cannot be shared")
        .isEqualTo(404);

    assertThat(
            api.post("/me/shares", student, "{\"advisorId\": \"%s\"}".formatted(advisorId))
                .statusCode())
        .isEqualTo(201);
    String later = plan("Dana Cruz");
    assertThat(api.get("/shared/" + later, advisor).statusCode())
        .as("all: the interviews planned after sharing too")
        .isEqualTo(200);
    assertThat(api.get("/shared/" + theirs, advisor).statusCode()).isEqualTo(404);
    assertThat(api.get("/shared", student).statusCode()).isEqualTo(403);
    assertThat(api.get("/me/shares", advisor).statusCode()).isEqualTo(403);

    // the role taken away: no longer offered
    provisionVersion(advisorId, "Ada Advisor", 1, "STUDENT");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !api.get("/advisors", student).body().contains(advisorId));
  }

  private void provision(String userId, String name, String role) throws Exception {
    provisionVersion(userId, name, 0, role);
  }

  private void provisionVersion(String userId, String name, long version, String role)
      throws Exception {
    GoldenEvent event =
        GoldenEvent.of(EventType.USER_PROFILE_PROVISIONED)
            .about(userId)
            .with("displayName", name)
            .with("version", version);
    String envelope = event.json().replace("[\"STUDENT\"]", json.writeValueAsString(List.of(role)));
    producer.send(GoldenEvent.asRelayed(Topics.CONTACTS, userId, envelope)).get();
  }

  private void schedule(String interview, int daysAhead) {
    HttpResponse<String> scheduled =
        api.post(
            "/interviews/" + interview + "/schedule",
            student,
            "{\"start\": \"%s\", \"mode\": \"VIDEO\"}"
                .formatted(
                    java.time.Instant.now()
                        .plus(Duration.ofDays(daysAhead))
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
  }

  private String plan(String name) {
    return planAs(student, name);
  }

  private String planAs(String token, String name) {
    String contactId = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(mongo, ContactSnapshotFixtures.optedInAlumnus(contactId, name));
    HttpResponse<String> planned =
        api.post(
            "/interviews",
            token,
            "{\"contactId\": \"%s\", \"purpose\": \"Learn the work.\"}".formatted(contactId));
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    return json.readTree(planned.body()).get("id").asString();
  }
}
