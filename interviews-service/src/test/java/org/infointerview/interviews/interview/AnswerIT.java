package org.infointerview.interviews.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * The person's side of a request, as they meet it: the link in the mail opens the request without
 * an account and takes one answer (accept a time, propose others, decline); a signed-in alumnus
 * sees and answers the requests to them. A link that is forged, another interview's, used, expired
 * or for a request withdrawn shows nothing of any interview.
 */
@ServiceIT
@Import(MovableClock.AsTheClock.class)
class AnswerIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final Duration WAIT = Duration.ofSeconds(30);

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;
  @Autowired MovableClock clock;

  private final String subject = "student-" + UUID.randomUUID();
  private final String student = IDP.token(subject, "student");

  @AfterEach
  void realTime() {
    clock.reset();
  }

  /** A request sent by email, and the token its mail carries. */
  private record Sent(String id, String token) {}

  @Test
  void thePersonOpensTheLinkWithoutAnAccountAndAcceptsATimeOnce() {
    String contactId = volunteer("Ada Park");
    Instant first = inDays(3);
    Instant second = inDays(4);
    try (TopicProbe events = TopicProbe.on(Topics.INTERVIEWS)) {
      Sent sent = request(events, contactId, first, second);

      HttpResponse<String> opened = api.get("/answers/" + sent.token(), null);
      assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
      assertThat(opened.headers().firstValue("Cache-Control")).hasValue("no-store");
      JsonNode request = json.readTree(opened.body());
      assertThat(request.get("from").asString()).isEqualTo("Test " + subject);
      assertThat(request.get("purpose").asString()).isEqualTo("How is the work done?");
      assertThat(request.get("message").asString()).startsWith("Dear Ada");
      assertThat(request.get("timeZone").asString()).isEqualTo("America/New_York");
      assertThat(request.get("offeredTimes").size()).isEqualTo(2);
      assertThat(request.get("awaitingAnswer").asBoolean()).isTrue();
      assertThat(opened.body())
          .doesNotContain(IDP.userId(subject))
          .doesNotContain("studentId")
          .doesNotContain(contactId);

      HttpResponse<String> accepted =
          api.post(
              "/answers/" + sent.token(),
              null,
              """
              {"answer": "ACCEPTED", "time": 1, "timeZone": "Europe/Berlin",
               "message": "Happy to talk."}
              """);
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
      JsonNode answered = json.readTree(accepted.body());
      assertThat(answered.get("status").asString()).isEqualTo("SCHEDULED");
      assertThat(Instant.parse(answered.get("appointment").get("start").asString()))
          .isEqualTo(second);
      assertThat(answered.get("appointment").get("contactTimeZone").asString())
          .isEqualTo("Europe/Berlin");

      events.published(sent.id(), EventType.INTERVIEW_SCHEDULED, WAIT);
      events.published(sent.id(), EventType.REQUEST_ANSWERED, WAIT);
      Interview stored = mongo.findById(sent.id(), Interview.class);
      assertThat(stored.status()).isEqualTo(InterviewStatus.SCHEDULED);
      assertThat(stored.answers())
          .singleElement()
          .satisfies(a -> assertThat(a.via()).isEqualTo(Answer.Via.LINK));

      HttpResponse<String> again =
          api.post("/answers/" + sent.token(), null, "{\"answer\": \"DECLINED\"}");
      assertThat(again.statusCode()).isEqualTo(410);
      assertThat(json.readTree(again.body()).get("reason").asString()).isEqualTo("LINK_USED");
      assertThat(api.get("/answers/" + sent.token(), null).statusCode()).isEqualTo(410);
      assertThat(mongo.findById(sent.id(), Interview.class).status())
          .isEqualTo(InterviewStatus.SCHEDULED);
    }
  }

  @Test
  void otherTimesProposedShowOnTheStudentsDashboardAndTheyScheduleOne() {
    String contactId = volunteer("Grace Hopper");
    Instant theirs = inDays(6);
    try (TopicProbe events = TopicProbe.on(Topics.INTERVIEWS)) {
      Sent sent = request(events, contactId, inDays(2));

      HttpResponse<String> proposed =
          api.post(
              "/answers/" + sent.token(),
              null,
              """
              {"answer": "PROPOSED", "times": [{"start": "%s", "durationMinutes": 20}],
               "message": "Next week suits me better."}
              """
                  .formatted(theirs));
      assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
      assertThat(json.readTree(proposed.body()).get("status").asString()).isEqualTo("REQUESTED");
      events.published(sent.id(), EventType.REQUEST_ANSWERED, WAIT);

      JsonNode dashboard = ok(api.get("/me/dashboard", student));
      assertThat(dashboard.get("timesProposed").size()).isEqualTo(1);
      JsonNode times = dashboard.get("timesProposed").get(0);
      assertThat(times.get("interviewId").asString()).isEqualTo(sent.id());
      assertThat(times.get("message").asString()).isEqualTo("Next week suits me better.");
      assertThat(Instant.parse(times.get("times").get(0).get("start").asString()))
          .isEqualTo(theirs);
      assertThat(dashboard.get("waitingForAnswer").size()).isZero();

      JsonNode scheduled =
          ok(
              api.post(
                  "/interviews/" + sent.id() + "/schedule",
                  student,
                  "{\"start\": \"%s\", \"durationMinutes\": 20, \"mode\": \"PHONE\"}"
                      .formatted(theirs)));
      assertThat(scheduled.get("status").asString()).isEqualTo("SCHEDULED");
    }
  }

  @Test
  void aDeclineEndsTheRequestWithThePersonsWords() {
    String contactId = volunteer("Alan Turing");
    try (TopicProbe events = TopicProbe.on(Topics.INTERVIEWS)) {
      Sent sent = request(events, contactId);

      HttpResponse<String> declined =
          api.post(
              "/answers/" + sent.token(),
              null,
              "{\"answer\": \"DECLINED\", \"message\": \"Traveling until March.\"}");

      assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
      JsonNode interview = ok(api.get("/interviews/" + sent.id(), student));
      assertThat(interview.get("status").asString()).isEqualTo("DECLINED");
      assertThat(interview.get("endReason").asString()).isEqualTo("Traveling until March.");
      assertThat(interview.get("answers").get(0).get("kind").asString()).isEqualTo("DECLINED");
    }
  }

  @Test
  void aForgedAlteredOrOtherInterviewsTokenIsNotFoundAndShowsNothing() {
    try (TopicProbe events = TopicProbe.on(Topics.INTERVIEWS)) {
      Sent mine = request(events, volunteer("Barbara Liskov"), inDays(2));
      Sent other = request(events, volunteer("Edsger Dijkstra"), inDays(3));
      String signature = mine.token().substring(mine.token().lastIndexOf('.') + 1);
      String flipped =
          mine.token().substring(0, mine.token().length() - 1)
              + (mine.token().endsWith("A") ? "B" : "A");
      String otherInterview = other.id() + mine.token().substring(mine.token().indexOf('.'));
      String otherSignature =
          mine.token().substring(0, mine.token().lastIndexOf('.') + 1)
              + other.token().substring(other.token().lastIndexOf('.') + 1);

      for (String token :
          new String[] {
            flipped,
            otherInterview,
            otherSignature,
            "nonsense",
            "%2e%2e%2fme%2fdashboard",
            "x".repeat(150),
            mine.id() + ".AAAAAAAAAAAAAAAAAAAAAA.9999999999." + signature
          }) {
        HttpResponse<String> read = api.get("/answers/" + token, null);
        HttpResponse<String> answered =
            api.post("/answers/" + token, null, "{\"answer\": \"DECLINED\"}");
        for (HttpResponse<String> response : List.of(read, answered)) {
          assertThat(response.statusCode()).as(token + ": " + response.body()).isIn(400, 404);
          assertThat(response.body())
              .doesNotContain("Barbara")
              .doesNotContain("Edsger")
              .doesNotContain("How is the work done")
              .doesNotContain("Dear Ada");
        }
      }
      assertThat(mongo.findById(mine.id(), Interview.class).status())
          .isEqualTo(InterviewStatus.REQUESTED);
      assertThat(mongo.findById(other.id(), Interview.class).status())
          .isEqualTo(InterviewStatus.REQUESTED);
      assertThat(api.get("/answers/" + mine.token(), null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anExpiredLinkOrOneForAWithdrawnRequestIsGoneAndSaysWhy() {
    try (TopicProbe events = TopicProbe.on(Topics.INTERVIEWS)) {
      Sent expiring = request(events, volunteer("Frances Allen"));
      Sent withdrawn = request(events, volunteer("John Backus"));
      ok(
          api.post(
              "/interviews/" + withdrawn.id() + "/cancel",
              student,
              "{\"reason\": \"I found my answer elsewhere.\"}"));

      HttpResponse<String> closed = api.get("/answers/" + withdrawn.token(), null);
      clock.advance(Duration.ofDays(15));
      HttpResponse<String> expired =
          api.post("/answers/" + expiring.token(), null, "{\"answer\": \"DECLINED\"}");

      assertThat(closed.statusCode()).isEqualTo(410);
      assertThat(json.readTree(closed.body()).get("reason").asString()).isEqualTo("REQUEST_CLOSED");
      assertThat(expired.statusCode()).isEqualTo(410);
      assertThat(json.readTree(expired.body()).get("reason").asString()).isEqualTo("LINK_EXPIRED");
      assertThat(json.readTree(expired.body()).get("detail").asString()).contains("expired on");
      assertThat(mongo.findById(expiring.id(), Interview.class).status())
          .isEqualTo(InterviewStatus.REQUESTED);
    }
  }

  @Test
  void anAnswerThatCannotBeTakenIsRefusedByFieldAndTheLinkStillWorks() {
    try (TopicProbe events = TopicProbe.on(Topics.INTERVIEWS)) {
      Sent sent = request(events, volunteer("Radia Perlman"), inDays(2));

      for (String body :
          new String[] {
            "{\"answer\": \"ACCEPTED\"}",
            "{\"answer\": \"ACCEPTED\", \"time\": 2}",
            "{\"answer\": \"PROPOSED\"}",
            "{\"answer\": \"PROPOSED\", \"times\": [{\"start\": \"2020-01-01T10:00:00Z\"}]}",
            "{\"answer\": \"ACCEPTED\", \"time\": 0, \"timeZone\": \"Mars/Olympus_Mons\"}",
            "{\"answer\": \"DECLINED\", \"message\": \"" + "x".repeat(2001) + "\"}",
            "{\"answer\": \"MAYBE\"}",
            "{\"answer\": \"DECLINED\", \"status\": \"CLOSED\"}",
            "not json"
          }) {
        HttpResponse<String> refused = api.post("/answers/" + sent.token(), null, body);
        assertThat(refused.statusCode()).as(body + ": " + refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
            .hasValue("application/problem+json");
        assertThat(refused.body()).doesNotContain("java.").doesNotContain("Exception");
      }

      Interview stored = mongo.findById(sent.id(), Interview.class);
      assertThat(stored.status()).isEqualTo(InterviewStatus.REQUESTED);
      assertThat(stored.answers()).isEmpty();
      assertThat(api.get("/answers/" + sent.token(), null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anAlumnusSignedInSeesTheRequestsToThemAndAnswersOneNobodyElseCan() {
    String alumnus = "alumnus-" + UUID.randomUUID();
    String contactId = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(
        mongo,
        ContactSnapshotFixtures.optedInAlumnus(contactId, "Katherine Johnson")
            .append("linkedUserId", IDP.userId(alumnus)));
    String alumnusToken = IDP.token(alumnus, "alumnus");
    try (TopicProbe events = TopicProbe.on(Topics.INTERVIEWS)) {
      String planned = plan(contactId);
      Sent sent = request(events, contactId, inDays(2));

      JsonNode mine = json.readTree(ok200(api.get("/me/requests", alumnusToken)));
      assertThat(mine.size()).isEqualTo(1);
      assertThat(mine.get(0).get("interviewId").asString()).isEqualTo(sent.id());
      assertThat(mine.toString()).doesNotContain(planned).doesNotContain("notes");
      assertThat(
              json.readTree(ok200(api.get("/me/requests", IDP.token("someone", "alumnus")))).size())
          .isZero();

      HttpResponse<String> notTheirs =
          api.post(
              "/me/requests/" + sent.id() + "/answer",
              IDP.token("someone", "alumnus"),
              "{\"answer\": \"DECLINED\"}");
      assertThat(notTheirs.statusCode()).isEqualTo(404);
      assertThat(notTheirs.body()).doesNotContain("Katherine");
      HttpResponse<String> notAsked =
          api.post(
              "/me/requests/" + planned + "/answer", alumnusToken, "{\"answer\": \"DECLINED\"}");
      assertThat(notAsked.statusCode()).as("a plan is not a request yet").isEqualTo(404);

      HttpResponse<String> accepted =
          api.post(
              "/me/requests/" + sent.id() + "/answer",
              alumnusToken,
              "{\"answer\": \"ACCEPTED\", \"time\": 0}");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
      assertThat(json.readTree(accepted.body()).get("status").asString()).isEqualTo("SCHEDULED");
      assertThat(api.get("/answers/" + sent.token(), null).statusCode())
          .as("an answer signed in uses up the mail's link")
          .isEqualTo(410);

      HttpResponse<String> early =
          api.post("/me/requests/" + sent.id() + "/no-show", alumnusToken, "");
      assertThat(early.statusCode()).as("not before the time has ended").isEqualTo(409);
      clock.advance(Duration.ofDays(3));
      assertThat(
              api.post(
                      "/me/requests/" + sent.id() + "/no-show", IDP.token("someone", "alumnus"), "")
                  .statusCode())
          .isEqualTo(404);
      HttpResponse<String> missed =
          api.post("/me/requests/" + sent.id() + "/no-show", alumnusToken, "");
      assertThat(missed.statusCode()).as(missed.body()).isEqualTo(200);
      assertThat(mongo.findById(sent.id(), Interview.class).status())
          .as("either side may say the student did not come")
          .isEqualTo(InterviewStatus.NO_SHOW);
    }
  }

  @Test
  void anAcceptedTimeThatClashesWithTheStudentsAgreedOneIsAConflictThatNamesNobody() {
    Instant start = inDays(2);
    try (TopicProbe events = TopicProbe.on(Topics.INTERVIEWS)) {
      Sent sent = request(events, volunteer("Margaret Hamilton"), start);
      String busy = plan(volunteer("Secret Other Person"));
      ok(
          api.post(
              "/interviews/" + busy + "/schedule",
              student,
              "{\"start\": \"%s\", \"mode\": \"VIDEO\"}".formatted(start.plusSeconds(600))));

      HttpResponse<String> clash =
          api.post("/answers/" + sent.token(), null, "{\"answer\": \"ACCEPTED\", \"time\": 0}");

      assertThat(clash.statusCode()).isEqualTo(409);
      assertThat(json.readTree(clash.body()).get("reason").asString()).isEqualTo("CLASH");
      assertThat(clash.body()).doesNotContain("Secret Other Person").doesNotContain(busy);
      assertThat(mongo.findById(sent.id(), Interview.class).status())
          .isEqualTo(InterviewStatus.REQUESTED);
    }
  }

  private Sent request(TopicProbe events, String contactId, Instant... times) {
    String id = plan(contactId);
    StringBuilder offered = new StringBuilder();
    for (Instant time : times) {
      offered.append(offered.isEmpty() ? "" : ", ");
      offered.append("{\"start\": \"%s\", \"mode\": \"VIDEO\"}".formatted(time));
    }
    ok(
        api.post(
            "/interviews/" + id + "/outreach",
            student,
            """
            {"channel": "EMAIL", "message": "Dear Ada, I found your name in the alumni directory.",
             "times": [%s]}
            """
                .formatted(offered)));
    JsonNode event =
        json.readTree(events.published(id, EventType.OUTREACH_REQUESTED, WAIT).value());
    return new Sent(id, event.get("data").get("answerToken").asString());
  }

  private String plan(String contactId) {
    HttpResponse<String> planned =
        api.post(
            "/interviews",
            student,
            "{\"contactId\": \"%s\", \"purpose\": \"How is the work done?\"}".formatted(contactId));
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    return json.readTree(planned.body()).get("id").asString();
  }

  private String volunteer(String name) {
    String contactId = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(mongo, ContactSnapshotFixtures.volunteer(contactId, name, 50));
    return contactId;
  }

  private Instant inDays(int days) {
    return clock.instant().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
  }

  private JsonNode ok(HttpResponse<String> response) {
    return json.readTree(ok200(response));
  }

  private static String ok200(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
