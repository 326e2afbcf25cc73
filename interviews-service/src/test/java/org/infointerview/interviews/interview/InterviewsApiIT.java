package org.infointerview.interviews.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.infointerview.testinfra.MovableClock;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A student's interview over HTTP, as the student sees it: planned with a volunteer, a time agreed
 * and moved, held, thanked for and closed, each step's fact on {@code interviews.events} in the
 * contract's shape; and each way to get it wrong refused in plain words with nothing stored.
 */
@ServiceIT
@Import(MovableClock.AsTheClock.class)
class InterviewsApiIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final Duration WAIT = Duration.ofSeconds(30);

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;
  @Autowired MovableClock clock;
  @Autowired StudentInterviews byStudent;

  private final String subject = "student-" + UUID.randomUUID();
  private final String student = IDP.token(subject, "student");

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void aStudentPlansSchedulesMovesHoldsThanksAndClosesAnInterviewAndEachStepIsPublished() {
    String contactId = volunteer("Ada Park");
    Instant start = inDays(3);
    try (TopicProbe events = TopicProbe.on(Topics.INTERVIEWS)) {
      HttpResponse<String> planned =
          api.post(
              "/interviews",
              student,
              """
              {"contactId": "%s", "careerField": "HEALTH_SCIENCE",
               "purpose": "How does someone move from statistics into health data?"}
              """
                  .formatted(contactId));
      assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
      JsonNode interview = json.readTree(planned.body());
      String id = interview.get("id").asString();
      assertThat(planned.headers().firstValue("Location")).hasValue("/interviews/" + id);
      assertThat(interview.get("status").asString()).isEqualTo("PLANNED");
      assertThat(interview.get("contact").get("displayName").asString()).isEqualTo("Ada Park");
      assertThat(interview.get("allowedNext").toString())
          .isEqualTo("[\"REQUESTED\",\"SCHEDULED\",\"COMPLETED\",\"CANCELLED\"]");

      JsonNode scheduled =
          ok(
              api.send(
                  "POST",
                  "/interviews/" + id + "/schedule",
                  student,
                  """
                  {"start": "%s", "durationMinutes": 30, "studentTimeZone": "America/Chicago",
                   "mode": "VIDEO", "where": "https://meet.example.org/ada"}
                  """
                      .formatted(start),
                  Map.of("If-Match", "\"0\"")));
      assertThat(scheduled.get("status").asString()).isEqualTo("SCHEDULED");
      JsonNode slot = scheduled.get("appointment");
      assertThat(slot.get("contactTimeZone").asString())
          .as("the person's zone from their record")
          .isEqualTo("America/New_York");
      assertThat(LocalDateTime.parse(slot.get("studentLocalStart").asString()))
          .isEqualTo(LocalDateTime.ofInstant(start, ZoneId.of("America/Chicago")));
      assertThat(LocalDateTime.parse(slot.get("contactLocalStart").asString()))
          .isEqualTo(LocalDateTime.ofInstant(start, ZoneId.of("America/New_York")));

      JsonNode moved =
          ok(
              api.post(
                  "/interviews/" + id + "/schedule",
                  student,
                  "{\"start\": \"%s\", \"mode\": \"PHONE\", \"where\": \"+13125550123\"}"
                      .formatted(start.plus(Duration.ofHours(2)))));
      assertThat(moved.get("appointment").get("sequence").asInt()).isEqualTo(1);
      assertThat(moved.get("appointment").get("durationMinutes").asInt()).isEqualTo(30);

      clock.advance(Duration.ofDays(3).plus(Duration.ofHours(3)));
      JsonNode completed = ok(api.post("/interviews/" + id + "/complete", student, ""));
      assertThat(Instant.parse(completed.get("thankYouDueAt").asString()))
          .isEqualTo(
              Instant.parse(completed.get("completedAt").asString()).plus(Duration.ofHours(48)));

      clock.advance(Duration.ofHours(20));
      JsonNode thanked =
          ok(api.post("/interviews/" + id + "/thank-you", student, "{\"channel\": \"EMAIL\"}"));
      assertThat(thanked.get("status").asString()).isEqualTo("THANKED");
      assertThat(thanked.get("thankYou").get("onTime").asBoolean()).isTrue();

      clock.advance(Duration.ofDays(40));
      JsonNode reported =
          ok(
              api.post(
                  "/interviews/" + id + "/report-backs",
                  student,
                  "{\"message\": \"I took the SQL course you suggested.\", \"send\": true}"));
      assertThat(Instant.parse(reported.get("keepInTouchDueAt").asString()))
          .isEqualTo(clock.instant().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.MILLIS));
      JsonNode monthly =
          ok(api.put("/interviews/" + id + "/keep-in-touch", student, "{\"everyDays\": 30}"));
      assertThat(Instant.parse(monthly.get("keepInTouchDueAt").asString()))
          .isEqualTo(clock.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS));

      JsonNode closed = ok(api.post("/interviews/" + id + "/close", student, ""));
      assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
      assertThat(closed.get("allowedNext").isEmpty()).isTrue();
      assertThat(closed.get("history").size()).isEqualTo(6);

      for (EventType type :
          List.of(
              EventType.INTERVIEW_PLANNED,
              EventType.INTERVIEW_SCHEDULED,
              EventType.INTERVIEW_RESCHEDULED,
              EventType.INTERVIEW_COMPLETED,
              EventType.THANK_YOU_SENT,
              EventType.REPORT_BACK_SENT)) {
        events.published(id, type, WAIT);
      }
    }
  }

  @Test
  void aCancelledInterviewSaysWhyAndCalendarsAreToldTheNextSequence() {
    String id = plan(volunteer("Grace Hopper"));
    ok(api.post("/interviews/" + id + "/schedule", student, slot(inDays(5))));
    try (TopicProbe events = TopicProbe.on(Topics.INTERVIEWS)) {
      JsonNode cancelled =
          ok(
              api.post(
                  "/interviews/" + id + "/cancel",
                  student,
                  "{\"reason\": \"My exam moved to that day; I will ask again in January.\"}"));

      assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
      ConsumerRecord<String, String> record =
          events.published(id, EventType.INTERVIEW_CANCELLED, WAIT);
      JsonNode data = json.readTree(record.value()).get("data");
      assertThat(data.get("wasScheduled").asBoolean()).isTrue();
      assertThat(data.get("sequence").asInt()).isEqualTo(1);
    }
  }

  @Test
  void notesAndAReferralAreKeptTheReferralIsPublishedAndTheNextInterviewFollowsIt() {
    String id = plan(volunteer("Ada Park"));
    ok(api.post("/interviews/" + id + "/schedule", student, slot(inDays(2))));
    String notes =
        """
        {"learned": "<script>x</script> Most of the work is cleaning data.",
         "advice": "Learn SQL well.", "mayContactAgain": true,
         "actionItems": [{"text": "Take the SQL course", "dueOn": "2027-01-31"}]}
        """;
    try (TopicProbe events = TopicProbe.on(Topics.INTERVIEWS)) {
      JsonNode noted = ok(api.put("/interviews/" + id + "/notes", student, notes));
      assertThat(noted.get("notes").get("learned").asString())
          .isEqualTo("<script>x</script> Most of the work is cleaning data.");
      assertThat(noted.get("notes").get("actionItems").get(0).get("dueOn").asString())
          .isEqualTo("2027-01-31");

      JsonNode referred =
          ok(
              api.post(
                  "/interviews/" + id + "/referrals",
                  student,
                  """
                  {"name": "Tomás Okafor", "organizationName": "Northwind Health",
                   "jobTitle": "Clinical Informatics Lead", "email": "tomas@example.org",
                   "why": "She moved from statistics too.", "mayUseName": true}
                  """));
      String referralId = referred.get("referrals").get(0).get("referralId").asString();
      ConsumerRecord<String, String> captured =
          events.published(id, EventType.REFERRAL_CAPTURED, WAIT);
      assertThat(json.readTree(captured.value()).get("data").get("referralId").asString())
          .isEqualTo(referralId);

      String tomas = "c-" + UUID.randomUUID();
      ContactSnapshotFixtures.store(
          mongo, ContactSnapshotFixtures.personal(tomas, IDP.userId(subject), "Tomás Okafor"));
      HttpResponse<String> next =
          api.post(
              "/interviews",
              student,
              "{\"contactId\": \"%s\", \"purpose\": \"Informatics\", \"fromReferral\": \"%s\"}"
                  .formatted(tomas, referralId));
      assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
      JsonNode through = json.readTree(next.body()).get("referredThrough");
      assertThat(through.get("interviewId").asString()).isEqualTo(id);
      assertThat(through.get("referredBy").asString()).isEqualTo("Ada Park");
    }
    String intruder = IDP.token("student-" + UUID.randomUUID(), "student");
    HttpResponse<String> stolen =
        api.post(
            "/interviews",
            intruder,
            "{\"contactId\": \"%s\", \"purpose\": \"x\", \"fromReferral\": \"%s-1\"}"
                .formatted(volunteer("Someone"), id));
    assertThat(stolen.statusCode()).as("another student's referral").isEqualTo(404);
  }

  @Test
  void notesOverTheLimitOrBeforeATimeIsAgreedAreRefusedAndNothingIsStored() {
    String id = plan(volunteer("Ada Park"));
    HttpResponse<String> early =
        api.put("/interviews/" + id + "/notes", student, "{\"learned\": \"too soon\"}");
    ok(api.post("/interviews/" + id + "/schedule", student, slot(inDays(2))));
    HttpResponse<String> huge =
        api.put(
            "/interviews/" + id + "/notes",
            student,
            json.writeValueAsString(Map.of("learned", "x".repeat(70_000))));

    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(json.readTree(early.body()).get("reason").asString()).isEqualTo("NOT_YET_HELD");
    assertThat(huge.statusCode()).as(huge.body()).isEqualTo(422);
    assertThat(huge.body()).contains("65,536").contains("\"field\":\"notes\"");
    assertThat(stored(id).notes()).isNull();
  }

  @Test
  void theDashboardShowsWhatIsComingAndWhatIsDueInOneCall() {
    String ahead = plan(volunteer("Ada Ahead"));
    ok(api.post("/interviews/" + ahead + "/schedule", student, slot(inDays(10))));
    String held = plan(volunteer("Hal Held"));
    ok(
        api.post(
            "/interviews/" + held + "/schedule",
            student,
            slot(clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES))));
    String asked = plan(volunteer("Ann Asked"));
    ok(
        api.post(
            "/interviews/" + asked + "/outreach",
            student,
            "{\"channel\": \"EMAIL\", \"message\": \"I found your name in the alumni directory.\"}"));
    clock.advance(Duration.ofHours(2));
    ok(api.post("/interviews/" + held + "/complete", student, ""));
    String dueOn = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(3).toString();
    ok(
        api.put(
            "/interviews/" + held + "/notes",
            student,
            "{\"actionItems\": [{\"text\": \"Take the SQL course\", \"dueOn\": \"%s\"},"
                    .formatted(dueOn)
                + " {\"text\": \"Done already\", \"done\": true}]}"));

    JsonNode now = ok(api.get("/me/dashboard", student));

    assertThat(now.get("timeZone").asString()).isEqualTo("UTC");
    assertThat(names(now.get("upcoming"))).containsExactly("Ada Ahead");
    assertThat(names(now.get("thankYousDue"))).containsExactly("Hal Held");
    assertThat(now.get("thankYousDue").get(0).get("hoursLeft").asLong()).isBetween(47L, 48L);
    assertThat(now.get("actionItemsDue").size()).isEqualTo(1);
    assertThat(now.get("actionItemsDue").get(0).get("text").asString())
        .isEqualTo("Take the SQL course");
    assertThat(names(now.get("waitingForAnswer"))).containsExactly("Ann Asked");
    assertThat(now.get("followUpsDue").isEmpty()).isTrue();
    assertThat(now.get("counts").get("SCHEDULED").asLong()).isEqualTo(1);
    assertThat(now.get("counts").get("COMPLETED").asLong()).isEqualTo(1);
    assertThat(now.get("counts").get("REQUESTED").asLong()).isEqualTo(1);

    clock.advance(Duration.ofDays(8));
    JsonNode later = ok(api.get("/me/dashboard", student));

    assertThat(names(later.get("followUpsDue"))).containsExactly("Ann Asked");
    assertThat(later.get("thankYousDue").get(0).get("hoursLeft").asLong())
        .as("overdue")
        .isNegative();
    assertThat(later.get("actionItemsDue").get(0).get("overdue").asBoolean()).isTrue();
    assertThat(
            ok(api.get("/me/dashboard", IDP.token("student-" + UUID.randomUUID(), "student")))
                .get("upcoming")
                .isEmpty())
        .as("another student sees only their own")
        .isTrue();
  }

  private static List<String> names(JsonNode items) {
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(item.get("contactName").asString()));
    return names;
  }

  @Test
  void aStoreFromBeforeTheStudentListsIsListedAgainFromItsInterviews() {
    String first = plan(volunteer("Lin Before"));
    String second = plan(volunteer("Lou Before"));
    mongo.getCollection(StudentInterviews.COLLECTION).deleteMany(new Document());
    assertThat(json.readTree(api.get("/interviews", student).body()).isEmpty())
        .as("without its list the student's interviews are not found")
        .isTrue();

    byStudent.rebuild();

    assertThat(json.readTree(api.get("/interviews", student).body()).findValuesAsString("id"))
        .containsExactlyInAnyOrder(first, second);
  }

  @Test
  void anIllegalStepIsAConflictNamingTheNextStepsAndChangesNothing() {
    String id = plan(volunteer("Alan Kay"));

    HttpResponse<String> refused = api.post("/interviews/" + id + "/no-show", student, "");
    HttpResponse<String> notAgreed = api.post("/interviews/" + id + "/complete", student, "");

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.get("reason").asString()).isEqualTo("ILLEGAL_TRANSITION");
    assertThat(problem.get("detail").asString())
        .isEqualTo(
            "An interview that is PLANNED cannot be marked as missed; next it may be CANCELLED,"
                + " COMPLETED, REQUESTED, SCHEDULED.");
    assertThat(problem.get("allowed").toString())
        .isEqualTo("[\"CANCELLED\",\"COMPLETED\",\"REQUESTED\",\"SCHEDULED\"]");
    assertThat(notAgreed.statusCode()).isEqualTo(409);
    assertThat(json.readTree(notAgreed.body()).get("reason").asString())
        .isEqualTo("NO_TIME_AGREED");
    assertThat(stored(id).status()).isEqualTo(InterviewStatus.PLANNED);
    assertThat(stored(id).version()).isZero();
  }

  @Test
  void aConversationArrangedElsewhereIsRecordedAsHeldAndOnlyOnceItEnded() {
    String id = plan(volunteer("Radia Perlman"));
    Instant twoDaysAgo = inDays(-2);

    HttpResponse<String> early =
        api.post("/interviews/" + id + "/held", student, slot(clock.instant().minusSeconds(600)));
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(early.body()).contains("start").contains("once it has ended");
    assertThat(stored(id).version()).as("nothing stored").isZero();

    try (TopicProbe events = TopicProbe.on(Topics.INTERVIEWS)) {
      JsonNode held =
          ok(
              api.post(
                  "/interviews/" + id + "/held",
                  student,
                  "{\"start\": \"%s\", \"mode\": \"PHONE\", \"durationMinutes\": 20}"
                      .formatted(twoDaysAgo)));

      assertThat(held.get("status").asString()).isEqualTo("COMPLETED");
      assertThat(held.get("appointment").get("start").asString()).isEqualTo(twoDaysAgo.toString());
      Instant end = twoDaysAgo.plus(Duration.ofMinutes(20));
      JsonNode data =
          json.readTree(events.published(id, EventType.INTERVIEW_COMPLETED, WAIT).value())
              .get("data");
      assertThat(Instant.parse(data.get("completedAt").asString())).isEqualTo(end);
      assertThat(Instant.parse(data.get("thankYouDueAt").asString()))
          .isEqualTo(end.plus(Duration.ofHours(48)));
      assertThat(events.pollFor(Duration.ofSeconds(1)))
          .as("no invitation for a time gone by")
          .noneMatch(
              r -> id.equals(r.key()) && r.value().contains(EventType.INTERVIEW_SCHEDULED.token()));
    }
  }

  @Test
  void aTimeInThePastTooFarAheadOfTheWrongLengthOrInAnUnknownZoneIsRefusedByField() {
    String id = plan(volunteer("Barbara Liskov"));

    Map<String, String> refusals =
        Map.of(
            slot(Instant.now().minus(Duration.ofHours(1))),
            "start",
            slot(Instant.now().plus(Duration.ofDays(400))),
            "start",
            "{\"start\": \"%s\", \"durationMinutes\": 90, \"mode\": \"VIDEO\"}"
                .formatted(inDays(2)),
            "durationMinutes",
            "{\"start\": \"%s\", \"studentTimeZone\": \"Mars/Olympus_Mons\", \"mode\": \"VIDEO\"}"
                .formatted(inDays(2)),
            "studentTimeZone",
            "{\"start\": \"%s\", \"mode\": \"CARRIER_PIGEON\"}".formatted(inDays(2)),
            "mode",
            "{\"start\": \"next tuesday\", \"mode\": \"VIDEO\"}",
            "start");

    refusals.forEach(
        (body, field) -> {
          HttpResponse<String> refused = api.post("/interviews/" + id + "/schedule", student, body);
          assertThat(refused.statusCode()).as(body + " -> " + refused.body()).isEqualTo(400);
          assertThat(json.readTree(refused.body()).get("errors").toString())
              .as(body)
              .contains("\"field\":\"" + field + "\"");
          assertThat(refused.body()).doesNotContain("Exception", "java.");
        });
    assertThat(stored(id).status()).isEqualTo(InterviewStatus.PLANNED);
    assertThat(stored(id).appointment()).isNull();
  }

  @Test
  void twoInterviewsOfOneStudentMayNotOverlapButAnotherStudentsMay() {
    String first = plan(volunteer("Edsger Dijkstra"));
    String second = plan(volunteer("Frances Allen"));
    Instant start = inDays(4);
    ok(api.post("/interviews/" + first + "/schedule", student, slot(start)));

    HttpResponse<String> clash =
        api.post(
            "/interviews/" + second + "/schedule",
            student,
            slot(start.plus(Duration.ofMinutes(20))));
    String otherStudent = IDP.token("student-" + UUID.randomUUID(), "student");
    String theirs =
        json.readTree(
                api.post(
                        "/interviews",
                        otherStudent,
                        "{\"contactId\": \"%s\", \"purpose\": \"Same person, same time.\"}"
                            .formatted(volunteer("Ken Thompson")))
                    .body())
            .get("id")
            .asString();

    assertThat(clash.statusCode()).as(clash.body()).isEqualTo(409);
    JsonNode problem = json.readTree(clash.body());
    assertThat(problem.get("reason").asString()).isEqualTo("CLASH");
    assertThat(problem.get("clashesWith").asString()).isEqualTo(first);
    assertThat(problem.get("detail").asString()).contains("Edsger Dijkstra");
    assertThat(stored(second).appointment()).isNull();
    assertThat(
            api.post(
                    "/interviews/" + second + "/schedule",
                    student,
                    slot(start.plus(Duration.ofMinutes(30))))
                .statusCode())
        .as("right after the first ends")
        .isEqualTo(200);
    assertThat(
            api.post("/interviews/" + theirs + "/schedule", otherStudent, slot(start)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void twoTimesAgreedAtOnceForOneStudentCannotBothOverlap() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 8; round++) {
        String first = plan(volunteer("Racer One"));
        String second = plan(volunteer("Racer Two"));
        Instant start = inDays(10 + round);
        CountDownLatch go = new CountDownLatch(1);
        Future<Integer> a =
            pool.submit(
                () -> {
                  go.await();
                  return api.post("/interviews/" + first + "/schedule", student, slot(start))
                      .statusCode();
                });
        Future<Integer> b =
            pool.submit(
                () -> {
                  go.await();
                  return api.post(
                          "/interviews/" + second + "/schedule",
                          student,
                          slot(start.plus(Duration.ofMinutes(10))))
                      .statusCode();
                });
        go.countDown();

        assertThat(List.of(a.get(), b.get()))
            .as("round " + round)
            .containsExactlyInAnyOrder(200, 409);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anotherStudentsInterviewIsNotFoundAndTheirListIsTheirOwn() {
    String id = plan(volunteer("Margaret Hamilton"));
    String intruder = IDP.token("student-" + UUID.randomUUID(), "student");

    HttpResponse<String> read = api.get("/interviews/" + id, intruder);
    HttpResponse<String> cancel =
        api.post("/interviews/" + id + "/cancel", intruder, "{\"reason\": \"x\"}");
    HttpResponse<String> list = api.get("/interviews", intruder);

    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(cancel.statusCode()).isEqualTo(404);
    assertThat(read.body()).doesNotContain("Margaret Hamilton");
    assertThat(json.readTree(list.body()).isEmpty()).isTrue();
    assertThat(stored(id).status()).isEqualTo(InterviewStatus.PLANNED);
  }

  @Test
  void aStudentCannotSetStateOwnerOrVersionAndAContactTheyMayNotSeeIsNotFound() {
    String contactId = volunteer("Radia Perlman");
    String someonesOwn = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(
        mongo,
        ContactSnapshotFixtures.personal(
            someonesOwn, IDP.userId("someone-else"), "Private Person"));

    HttpResponse<String> withStatus =
        api.post(
            "/interviews",
            student,
            "{\"contactId\": \"%s\", \"purpose\": \"x\", \"status\": \"COMPLETED\"}"
                .formatted(contactId));
    HttpResponse<String> withOwner =
        api.post(
            "/interviews",
            student,
            "{\"contactId\": \"%s\", \"purpose\": \"x\", \"studentId\": \"someone\"}"
                .formatted(contactId));
    HttpResponse<String> hidden =
        api.post(
            "/interviews",
            student,
            "{\"contactId\": \"%s\", \"purpose\": \"x\"}".formatted(someonesOwn));

    assertThat(withStatus.statusCode()).isEqualTo(400);
    assertThat(withStatus.body()).contains("status").contains("is not a field of this request");
    assertThat(withOwner.statusCode()).isEqualTo(400);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.body()).doesNotContain("Private Person");
    assertThat(json.readTree(api.get("/interviews", student).body()).isEmpty()).isTrue();
  }

  @Test
  void markupInThePurposeIsKeptAsTextAndReturnedAsJsonText() {
    String purpose = "<script>alert('x')</script> & <b>why</b>";

    HttpResponse<String> planned =
        api.post(
            "/interviews",
            student,
            json.writeValueAsString(
                Map.of("contactId", volunteer("Ivan Sutherland"), "purpose", purpose)));

    assertThat(planned.statusCode()).isEqualTo(201);
    assertThat(planned.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json.readTree(planned.body()).get("purpose").asString()).isEqualTo(purpose);
    assertThat(stored(json.readTree(planned.body()).get("id").asString()).purpose())
        .isEqualTo(purpose);
  }

  private String volunteer(String name) {
    String contactId = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(mongo, ContactSnapshotFixtures.optedInAlumnus(contactId, name));
    return contactId;
  }

  private String plan(String contactId) {
    HttpResponse<String> planned =
        api.post(
            "/interviews",
            student,
            "{\"contactId\": \"%s\", \"purpose\": \"Learn how the work is done.\"}"
                .formatted(contactId));
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    return json.readTree(planned.body()).get("id").asString();
  }

  private static String slot(Instant start) {
    return "{\"start\": \"%s\", \"mode\": \"VIDEO\"}".formatted(start);
  }

  private Instant inDays(int days) {
    return clock.instant().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
  }

  private JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private Interview stored(String id) {
    return mongo.findById(id, Interview.class);
  }
}
