package org.infointerview.interviews.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * One informational interview through all six steps over HTTP, as a student and an alumnus meet
 * them: research, preparation, a request by email that the alumnus answers through its link with no
 * account, the conversation's notes and referral, the thank-you and keeping in touch; every fact on
 * {@code interviews.events} in the contract's shape.
 */
@ServiceIT
@Import(MovableClock.AsTheClock.class)
class SixStepsIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final Duration WAIT = Duration.ofSeconds(30);

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;
  @Autowired MovableClock clock;

  private final String student = IDP.token("student-" + UUID.randomUUID(), "student");

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void aStudentWalksAllSixStepsAndTheAlumnusAnswersThroughTheLink() {
    String ada = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(mongo, ContactSnapshotFixtures.volunteer(ada, "Ada Park", 4));
    Instant first = inDays(3).plus(Duration.ofHours(1));
    Instant second = inDays(4);
    try (TopicProbe events = TopicProbe.on(Topics.INTERVIEWS)) {
      // 1. Research: the field and the organization, kept for every interview.
      ok(
          api.put(
              "/research/FIELD/HEALTH_SCIENCE",
              student,
              "{\"summary\": \"Analysts, informaticists, biostatisticians.\","
                  + " \"paths\": \"Statistics, then a hospital analytics team.\"}"));
      ok(
          api.put(
              "/research/ORGANIZATION/Northwind%20Health",
              student,
              "{\"summary\": \"A regional hospital network.\","
                  + " \"websiteAnswers\": [\"where the hospitals are\"]}"));

      // 2. Prepare: a pitch and questions, read as a counselor would.
      String id = plan(ada);
      JsonNode prepared =
          ok(
              api.put(
                  "/interviews/" + id + "/preparation",
                  student,
                  """
                  {"pitch": "I am a junior in statistics, curious how analysts work in hospitals.",
                   "questions": [
                     {"text": "What does a typical week look like for you?"},
                     {"text": "Are you hiring interns?"},
                     {"text": "Who else should I talk to?"}]}
                  """));
      assertThat(prepared.get("questions").get(0).get("index").asInt()).isEqualTo(1);
      assertThat(prepared.get("questions").get(0).get("warnings").toString()).contains("JOB_ASK");

      // 3. Initiate contact: a draft from the template, sent by email with two times.
      JsonNode draft =
          ok(
              api.post(
                  "/interviews/" + id + "/outreach/draft",
                  student,
                  "{\"source\": \"ALUMNI_DATABASE\", \"major\": \"Statistics\"}"));
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
                          draft.get("message").asString(),
                          "times",
                          List.of(
                              Map.of("start", first.toString(), "mode", "VIDEO"),
                              Map.of(
                                  "start",
                                  second.toString(),
                                  "mode",
                                  "VIDEO",
                                  "where",
                                  "https://meet.example.org/sam"))))));
      assertThat(sent.get("interview").get("status").asString()).isEqualTo("REQUESTED");
      String token =
          json.readTree(events.published(id, EventType.OUTREACH_REQUESTED, WAIT).value())
              .get("data")
              .get("answerToken")
              .asString();

      // 4. Schedule: the alumnus opens the mail's link, without an account, and takes a time.
      JsonNode request = ok(api.get("/answers/" + token, null));
      assertThat(request.get("message").asString()).startsWith("Dear Ada Park,");
      JsonNode accepted =
          ok(
              api.post(
                  "/answers/" + token,
                  null,
                  "{\"answer\": \"ACCEPTED\", \"time\": 1, \"message\": \"Glad to help.\"}"));
      assertThat(accepted.get("status").asString()).isEqualTo("SCHEDULED");
      JsonNode dashboard = ok(api.get("/me/dashboard", student));
      assertThat(dashboard.get("upcoming").get(0).get("interviewId").asString()).isEqualTo(id);

      // 5. Conduct: notes with an action item, and a referral to talk to next.
      clock.advance(Duration.ofDays(4).plus(Duration.ofMinutes(40)));
      ok(
          api.put(
              "/interviews/" + id + "/notes",
              student,
              """
              {"learned": "Most of the work is cleaning data.",
               "advice": "Learn SQL before R.",
               "actionItems": [{"text": "Take the SQL course"}],
               "mayContactAgain": true}
              """));
      ok(
          api.post(
              "/interviews/" + id + "/referrals",
              student,
              "{\"name\": \"Tomás Okafor\", \"organizationName\": \"Northwind Health\","
                  + " \"why\": \"Runs the informatics team.\", \"mayUseName\": true}"));
      JsonNode completed = ok(api.post("/interviews/" + id + "/complete", student, ""));
      assertThat(Instant.parse(completed.get("thankYouDueAt").asString()))
          .isEqualTo(
              Instant.parse(completed.get("completedAt").asString()).plus(Duration.ofHours(48)));

      // 6. Follow up: thanks within 48 hours, in touch again, a report-back sent, closed.
      clock.advance(Duration.ofHours(20));
      ok(api.post("/interviews/" + id + "/thank-you", student, "{\"channel\": \"EMAIL\"}"));
      clock.advance(Duration.ofDays(30));
      ok(
          api.post(
              "/interviews/" + id + "/interactions",
              student,
              "{\"kind\": \"MESSAGE\", \"note\": \"Shared an article.\"}"));
      ok(
          api.post(
              "/interviews/" + id + "/report-backs",
              student,
              "{\"message\": \"I took the SQL course you suggested.\", \"send\": true}"));
      JsonNode closed = ok(api.post("/interviews/" + id + "/close", student, ""));
      assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
      assertThat(closed.get("history").findValuesAsString("status"))
          .containsExactly("PLANNED", "REQUESTED", "SCHEDULED", "COMPLETED", "THANKED", "CLOSED");

      for (EventType type :
          List.of(
              EventType.INTERVIEW_PLANNED,
              EventType.OUTREACH_REQUESTED,
              EventType.REQUEST_ANSWERED,
              EventType.INTERVIEW_SCHEDULED,
              EventType.INTERVIEW_DUE_DATES_CHANGED,
              EventType.REFERRAL_CAPTURED,
              EventType.INTERVIEW_COMPLETED,
              EventType.THANK_YOU_SENT,
              EventType.REPORT_BACK_SENT)) {
        events.published(id, type, WAIT);
      }
    }
  }

  private String plan(String contactId) {
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
    return json.readTree(planned.body()).get("id").asString();
  }

  private Instant inDays(int days) {
    return clock.instant().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
  }

  private JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }
}
