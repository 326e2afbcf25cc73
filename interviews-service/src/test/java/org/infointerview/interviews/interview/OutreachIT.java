package org.infointerview.interviews.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.interviews.ContactSnapshotFixtures;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reaching out, as students and volunteers live it: a request by email through the platform and its
 * warnings, a call logged, and the volunteers protected: do-not-contact, not opted in, pausing, and
 * each person's monthly capacity across all students, exactly, under a race.
 */
@ServiceIT
class OutreachIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final Duration WAIT = Duration.ofSeconds(30);

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  private final String subject = "student-" + UUID.randomUUID();
  private final String student = IDP.token(subject, "student");

  @Test
  void aRequestByEmailGoesThroughThePlatformWithWarningsAndAFollowUpByPhoneIsLogged() {
    String contactId = store(ContactSnapshotFixtures.volunteer(newId(), "Ada Park", 3));
    String id = plan(student, contactId);
    try (TopicProbe events = TopicProbe.on(Topics.INTERVIEWS)) {
      JsonNode draft =
          ok(
              api.post(
                  "/interviews/" + id + "/outreach/draft",
                  student,
                  "{\"source\": \"ALUMNI_DATABASE\", \"major\": \"Statistics\"}"));
      assertThat(draft.get("message").asString())
          .startsWith("Dear Ada Park,")
          .contains("alumni directory")
          .contains("not a job");
      assertThat(draft.get("warnings").isEmpty()).isTrue();

      JsonNode sent =
          ok(
              api.post(
                  "/interviews/" + id + "/outreach",
                  student,
                  json.writeValueAsString(
                      Map.of(
                          "channel",
                          "EMAIL",
                          "message",
                          "Dear Ada, I found your name in the alumni directory. Are you hiring?"))));
      assertThat(sent.get("interview").get("status").asString()).isEqualTo("REQUESTED");
      assertThat(sent.get("warnings").toString()).contains("JOB_ASK");
      assertThat(sent.get("interview").get("followUpDueAt").isNull()).isFalse();

      JsonNode called =
          ok(
              api.post(
                  "/interviews/" + id + "/outreach",
                  student,
                  "{\"channel\": \"PHONE\", \"message\": \"Left a voicemail.\"}"));
      assertThat(called.get("interview").get("followUps").asInt()).isEqualTo(1);

      ConsumerRecord<String, String> requested =
          events.published(id, EventType.OUTREACH_REQUESTED, WAIT);
      JsonNode data = json.readTree(requested.value()).get("data");
      assertThat(data.get("contactId").asString()).isEqualTo(contactId);
      assertThat(data.get("message").asString()).contains("Are you hiring?");
      assertThat(requested.value()).doesNotContain("@").as("no address of the person");
      events.published(id, EventType.OUTREACH_LOGGED, WAIT);
    }
    assertThat(countedFor(contactId)).as("a follow-up is not a new ask").isEqualTo(1);
  }

  @Test
  void whoAskedNotToBeContactedHasNotOptedInOrIsPausingIsNotAskedAndNothingIsStored() {
    String dana = store(ContactSnapshotFixtures.volunteer(newId(), "Dana Quiet", 3));
    String toDana = plan(student, dana);
    // she said do-not-contact after the student planned (ContactConsentChanged reached the model)
    mongo
        .getCollection("contact_snapshots")
        .updateOne(
            new Document("_id", dana), new Document("$set", new Document("doNotContact", true)));
    String notOptedIn =
        store(
            ContactSnapshotFixtures.volunteer(newId(), "Nora Private", 3).append("optedIn", false));
    String pausing =
        store(
            ContactSnapshotFixtures.volunteer(newId(), "Paul Away", 3)
                .append("pausedUntil", Date.from(Instant.now().plus(Duration.ofDays(20)))));
    String planned =
        plan(student, store(ContactSnapshotFixtures.volunteer(newId(), "Soon Private", 3)));
    // the person withdrew after the student planned: the read model now says not opted in
    mongo
        .getCollection("contact_snapshots")
        .updateOne(
            new Document(
                "_id",
                json.readTree(api.get("/interviews/" + planned, student).body())
                    .get("contact")
                    .get("contactId")
                    .asString()),
            new Document("$set", new Document("optedIn", false)));

    assertRefused(toDana, "DO_NOT_CONTACT", "Dana Quiet");
    assertRefused(planned, "NOT_OPTED_IN", "Soon Private");
    assertRefused(plan(student, pausing), "PAUSED", "Paul Away");
    assertThat(
            api.post(
                    "/interviews",
                    student,
                    "{\"contactId\": \"%s\", \"purpose\": \"x\"}".formatted(notOptedIn))
                .statusCode())
        .as("a volunteer who has not opted in is not even found")
        .isEqualTo(404);
  }

  @Test
  void aVolunteersMonthlyCapacityCountsAllStudentsAndResetsNextMonth() {
    String contactId = store(ContactSnapshotFixtures.volunteer(newId(), "Grace Busy", 2));
    for (int i = 0; i < 2; i++) {
      String someone = IDP.token("student-" + UUID.randomUUID(), "student");
      assertThat(email(someone, plan(someone, contactId)).statusCode()).isEqualTo(200);
    }

    String id = plan(student, contactId);
    HttpResponse<String> full = email(student, id);

    assertThat(full.statusCode()).as(full.body()).isEqualTo(409);
    JsonNode problem = json.readTree(full.body());
    assertThat(problem.get("reason").asString()).isEqualTo("CAPACITY_REACHED");
    assertThat(problem.get("detail").asString()).contains("Grace Busy").contains("(2)");
    assertThat(Instant.parse(problem.get("resetsAt").asString())).isAfter(Instant.now());
    assertThat(stored(id).status()).isEqualTo(InterviewStatus.PLANNED);
    assertThat(countedFor(contactId)).isEqualTo(2);
  }

  @Test
  void twentyStudentsRacingForAVolunteerWithFivePlacesGetExactlyFive() throws Exception {
    String contactId = store(ContactSnapshotFixtures.volunteer(newId(), "Ada Popular", 5));
    List<String> tokens = new ArrayList<>();
    List<String> interviews = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String token = IDP.token("racer-" + UUID.randomUUID(), "student");
      tokens.add(token);
      interviews.add(plan(token, contactId));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String token = tokens.get(i);
        String id = interviews.get(i);
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return email(token, id).statusCode();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }

      assertThat(statuses).filteredOn(s -> s == 200).hasSize(5);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);
    } finally {
      pool.shutdownNow();
    }
    assertThat(countedFor(contactId)).isEqualTo(5);
    assertThat(
            interviews.stream()
                .map(this::stored)
                .filter(i -> i.status() == InterviewStatus.REQUESTED))
        .hasSize(5);
  }

  @Test
  void aStudentsOwnContactHasNoCapacityOnlyDoNotContact() {
    String own = newId();
    store(ContactSnapshotFixtures.personal(own, IDP.userId(subject), "Aunt Rosa"));
    for (int i = 0; i < 3; i++) {
      assertThat(email(student, plan(student, own)).statusCode()).isEqualTo(200);
    }
    assertThat(countedFor(own)).isZero();
  }

  @Test
  void anEmailWithoutAMessageOrAnAttemptInTheFutureIsRefusedByField() {
    String id = plan(student, store(ContactSnapshotFixtures.volunteer(newId(), "Eve Exact", 3)));

    HttpResponse<String> empty =
        api.post("/interviews/" + id + "/outreach", student, "{\"channel\": \"EMAIL\"}");
    HttpResponse<String> future =
        api.post(
            "/interviews/" + id + "/outreach",
            student,
            "{\"channel\": \"PHONE\", \"at\": \"%s\"}"
                .formatted(Instant.now().plus(Duration.ofDays(1))));

    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("\"field\":\"message\"");
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.body()).contains("\"field\":\"at\"");
    assertThat(stored(id).status()).isEqualTo(InterviewStatus.PLANNED);
  }

  private void assertRefused(String id, String reason, String name) {
    HttpResponse<String> refused = email(student, id);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.get("reason").asString()).isEqualTo(reason);
    assertThat(problem.get("detail").asString()).contains(name);
    assertThat(stored(id).status()).isEqualTo(InterviewStatus.PLANNED);
    assertThat(stored(id).attempts()).isEmpty();
  }

  @Test
  void aClaimLeftByAStoppedProcessIsGivenBackOnceSettledAndAFreshOneIsNot() {
    String contactId = store(ContactSnapshotFixtures.volunteer(newId(), "Grace Once", 1));
    String neverAsked = plan(IDP.token("crashed-" + UUID.randomUUID(), "student"), contactId);
    String key = contactId + "|" + YearMonth.now(ZoneOffset.UTC);
    // What a process leaves that stopped after claiming and before storing the request.
    Document leaked =
        new Document("_id", key)
            .append("count", 1)
            .append("interviews", List.of(neverAsked))
            .append("claimedAt", new Document(neverAsked, new Date()));
    mongo.insert(leaked, "request_counts");
    String mine = plan(student, contactId);

    HttpResponse<String> whileInFlight = email(student, mine);
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(key)),
        new Update()
            .set("claimedAt." + neverAsked, Date.from(Instant.now().minus(Duration.ofMinutes(2)))),
        "request_counts");
    HttpResponse<String> settled = email(student, mine);

    assertThat(whileInFlight.statusCode())
        .as("a claim younger than a minute may still be written")
        .isEqualTo(409);
    assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
    Document month = mongo.findById(key, Document.class, "request_counts");
    assertThat(month.getInteger("count")).isEqualTo(1);
    assertThat(month.getList("interviews", String.class)).containsExactly(mine);
  }

  private HttpResponse<String> email(String token, String id) {
    return api.post(
        "/interviews/" + id + "/outreach",
        token,
        "{\"channel\": \"EMAIL\", \"message\": \"Dear friend, I found your name in the alumni"
            + " directory and would value 20 minutes of advice.\"}");
  }

  private String plan(String token, String contactId) {
    HttpResponse<String> planned =
        api.post(
            "/interviews",
            token,
            "{\"contactId\": \"%s\", \"purpose\": \"Learn the work.\"}".formatted(contactId));
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    return json.readTree(planned.body()).get("id").asString();
  }

  private String store(Document snapshot) {
    ContactSnapshotFixtures.store(mongo, snapshot);
    return snapshot.getString("_id");
  }

  private static String newId() {
    return "c-" + UUID.randomUUID();
  }

  private int countedFor(String contactId) {
    Document month =
        mongo.findById(
            contactId + "|" + YearMonth.now(ZoneOffset.UTC), Document.class, "request_counts");
    return month == null ? 0 : month.getInteger("count", 0);
  }

  private JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private Interview stored(String id) {
    return mongo.findById(id, Interview.class);
  }
}
