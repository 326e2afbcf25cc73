package org.infointerview.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.infointerview.interviews.interview.AnswerLinkFixtures;
import org.infointerview.testinfra.AuthorizationMatrix;
import org.infointerview.testinfra.AuthorizationMatrixTestSupport;
import org.infointerview.testinfra.InfrastructureTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Runs every row of {@code authorization-matrix.csv} against the real service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
class AuthorizationMatrixIT extends AuthorizationMatrixTestSupport {

  @Autowired MongoTemplate mongo;

  /** Bodies a student would send, so a row tests the role, not the body's rules. */
  private static final Map<String, String> BODIES =
      Map.ofEntries(
          Map.entry(
              "/interviews/{id}/schedule",
              "{\"start\": \"%s\", \"mode\": \"VIDEO\"}"
                  .formatted(
                      Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS))),
          Map.entry(
              "/interviews/{id}/held",
              "{\"start\": \"%s\", \"mode\": \"PHONE\"}"
                  .formatted(
                      Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS))),
          Map.entry("/interviews/{id}/cancel", "{\"reason\": \"My plans changed.\"}"),
          Map.entry("/interviews/{id}/thank-you", "{\"channel\": \"EMAIL\"}"),
          Map.entry("/interviews/{id}/outreach/draft", "{\"source\": \"ALUMNI_DATABASE\"}"),
          Map.entry("/interviews/{id}/thank-you/draft", "{}"),
          Map.entry(
              "/interviews/{id}/outreach",
              "{\"channel\": \"PHONE\", \"message\": \"Left a message.\"}"),
          Map.entry("/interviews/{id}/declined", "{}"),
          Map.entry("/interviews/{id}/notes", "{\"learned\": \"x\"}"),
          Map.entry("/interviews/{id}/referrals", "{\"name\": \"Someone Else\"}"),
          Map.entry("/interviews/{id}/preparation", "{\"pitch\": \"I study statistics.\"}"),
          Map.entry("/interviews/{id}/interactions", "{\"kind\": \"MESSAGE\"}"),
          Map.entry("/interviews/{id}/report-backs", "{\"message\": \"It worked out.\"}"),
          Map.entry("/interviews/{id}/keep-in-touch", "{\"everyDays\": 30}"));

  @Override
  protected void check(AuthorizationMatrix.Row row) {
    if (row.path().startsWith("/dead-letters")) {
      checkDeadLetters(row);
      return;
    }
    if (row.path().startsWith("/interviews")) {
      checkInterview(row);
      return;
    }
    if (row.path().startsWith("/answers") || row.path().startsWith("/me/requests")) {
      checkAnswer(row);
      return;
    }
    if (row.path().startsWith("/me/shares")
        || row.path().startsWith("/shared")
        || row.path().equals("/advisors")
        || row.path().equals("/me/record-reads")) {
      checkSharing(row);
      return;
    }
    if (row.path().startsWith("/analytics")) {
      HttpResponse<String> response =
          api()
              .send(
                  row.method(),
                  row.path() + "?from=2026-01-01&to=2026-12-31",
                  tokenFor(row, "caller-" + UUID.randomUUID()),
                  null,
                  Map.of());
      assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
      return;
    }
    if (row.path().startsWith("/templates")) {
      checkCurated(
          row,
          "/templates",
          "{\"kind\": \"OUTREACH\", \"name\": \"Matrix %s\", \"body\": \"Dear {{contactName}},\"}",
          "{\"kind\": \"OUTREACH\", \"body\": \"Dear {{contactName}},\"}");
      return;
    }
    if (row.path().startsWith("/question-bank/curated")) {
      checkCurated(
          row,
          "/question-bank/curated",
          "{\"topic\": \"ADVICE\", \"text\": \"What would you tell me? %s\"}",
          null);
      return;
    }
    if (row.path().startsWith("/research") || row.path().equals("/question-bank")) {
      checkResearch(row);
      return;
    }
    String caller = "caller-" + UUID.randomUUID();
    String owner = "own".equals(row.resource()) ? caller : "owner-" + UUID.randomUUID();
    String contactId = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(
        mongo,
        "alumni".equals(row.resource())
            ? ContactSnapshotFixtures.optedInAlumnus(contactId, "Matrix Person")
            : ContactSnapshotFixtures.personal(contactId, IDP.userId(owner), "Matrix Person"));
    String token = tokenFor(row, caller);

    HttpResponse<String> response =
        api().send(row.method(), row.path().replace("{id}", contactId), token, null, Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
    if (row.expected() == 404) {
      assertThat(response.body()).doesNotContain("Matrix Person");
    }
  }

  /**
   * An interview row: the owner (the caller for {@code own}, someone else otherwise) plans one with
   * an opted-in alumnus through the API, then the caller takes the row's step.
   */
  private void checkInterview(AuthorizationMatrix.Row row) {
    String caller = "caller-" + UUID.randomUUID();
    String owner = "own".equals(row.resource()) ? caller : "owner-" + UUID.randomUUID();
    String contactId = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(
        mongo, ContactSnapshotFixtures.optedInAlumnus(contactId, "Matrix Person"));
    String plan = "{\"contactId\": \"" + contactId + "\", \"purpose\": \"Learn the field.\"}";
    HttpResponse<String> planned = api().post("/interviews", IDP.token(owner, "student"), plan);
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    String interviewId = planned.headers().firstValue("Location").orElseThrow().substring(12);
    String body =
        row.path().equals("/interviews") && row.method().equals("POST")
            ? plan
            : BODIES.get(row.path());

    HttpResponse<String> response =
        api()
            .send(
                row.method(),
                row.path().replace("{id}", interviewId),
                tokenFor(row, caller),
                body,
                Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
    if (row.expected() == 404) {
      assertThat(response.body()).doesNotContain("Matrix Person").doesNotContain("Learn the field");
    }
  }

  /**
   * An answer row: a student asked a person by email; the caller is that person (own: the link
   * issued for the request, or signed in with the record linked to them) or not (others: a token
   * nobody issued, or a request to someone else).
   */
  private void checkAnswer(AuthorizationMatrix.Row row) {
    String caller = "caller-" + UUID.randomUUID();
    String contactId = "c-" + UUID.randomUUID();
    Document person = ContactSnapshotFixtures.volunteer(contactId, "Matrix Person", 1000);
    if ("own".equals(row.resource())) {
      person.append("linkedUserId", IDP.userId(caller));
    }
    ContactSnapshotFixtures.store(mongo, person);
    String student = IDP.token("owner-" + UUID.randomUUID(), "student");
    HttpResponse<String> planned =
        api()
            .post(
                "/interviews",
                student,
                "{\"contactId\": \"" + contactId + "\", \"purpose\": \"Learn the field.\"}");
    String interviewId = planned.headers().firstValue("Location").orElseThrow().substring(12);
    HttpResponse<String> asked =
        api()
            .post(
                "/interviews/" + interviewId + "/outreach",
                student,
                "{\"channel\": \"EMAIL\", \"message\": \"Dear Matrix Person\"}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
    String token =
        "own".equals(row.resource())
            ? AnswerLinkFixtures.openLink(context, mongo, interviewId)
            : interviewId + ".AAAAAAAAAAAAAAAAAAAAAA.9999999999." + "A".repeat(43);

    HttpResponse<String> response =
        api()
            .send(
                row.method(),
                row.path().replace("{token}", token).replace("{id}", interviewId),
                tokenFor(row, caller),
                row.method().equals("POST") ? "{\"answer\": \"DECLINED\"}" : null,
                Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
    if (row.expected() == 404) {
      assertThat(response.body()).doesNotContain("Matrix Person").doesNotContain("Learn the field");
    }
  }

  /**
   * A research row: the owner (the caller for {@code own}, another student otherwise) has written a
   * note on the topic; the caller then reads, writes or deletes it.
   */
  private void checkResearch(AuthorizationMatrix.Row row) {
    String caller = "caller-" + UUID.randomUUID();
    String owner = "others".equals(row.resource()) ? "owner-" + UUID.randomUUID() : caller;
    String topic = "Topic-" + UUID.randomUUID();
    String note = "{\"summary\": \"Matrix research\"}";
    assertThat(
            api().put("/research/FIELD/" + topic, IDP.token(owner, "student"), note).statusCode())
        .isEqualTo(200);

    HttpResponse<String> response =
        api()
            .send(
                row.method(),
                row.path().replace("{kind}", "FIELD").replace("{topic}", topic),
                tokenFor(row, caller),
                row.method().equals("PUT") ? note : null,
                Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
  }

  /**
   * A sharing row: an advisor is known; the owner (the caller for {@code own}, someone else
   * otherwise) plans an interview and shares it with that advisor, who is the caller for {@code
   * shared}; then the caller takes the row's step (a new share: all of the caller's, with the
   * advisor).
   */
  private void checkSharing(AuthorizationMatrix.Row row) {
    String caller = "caller-" + UUID.randomUUID();
    String owner = "others".equals(row.resource()) ? "owner-" + UUID.randomUUID() : caller;
    String advisorId =
        IDP.userId("shared".equals(row.resource()) ? caller : "advisor-" + UUID.randomUUID());
    mongo.save(
        new Document("_id", advisorId)
            .append("displayName", "Matrix Advisor")
            .append("profileVersion", 0L),
        "advisors");
    String ownerToken = IDP.token(owner, "student");
    String contactId = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(
        mongo, ContactSnapshotFixtures.optedInAlumnus(contactId, "Matrix Person"));
    HttpResponse<String> planned =
        api()
            .post(
                "/interviews",
                ownerToken,
                "{\"contactId\": \"%s\", \"purpose\": \"Learn the field\"}".formatted(contactId));
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    String interview = planned.body().replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
    String share = "{\"advisorId\": \"%s\"}".formatted(advisorId);
    HttpResponse<String> shared =
        api()
            .post(
                "/me/shares",
                ownerToken,
                "{\"advisorId\": \"%s\", \"interviewId\": \"%s\"}".formatted(advisorId, interview));
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);
    String shareId = shared.body().replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");

    HttpResponse<String> response =
        api()
            .send(
                row.method(),
                row.path().replace("{id}", shareId).replace("{interviewId}", interview),
                tokenFor(row, caller),
                row.method().equals("POST") ? share : null,
                Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
    if (row.expected() == 404) {
      assertThat(response.body()).doesNotContain("Matrix Person").doesNotContain("Learn the field");
    }
  }

  /**
   * A row of what the career center curates (questions, templates): an admin has added one at
   * {@code base}; the caller lists, reads, adds, changes (with the ETag read) or previews one.
   *
   * @param body what is added, with a {@code %s} made unique
   * @param preview the body of a preview, if the row's path is one
   */
  private void checkCurated(
      AuthorizationMatrix.Row row, String base, String body, @Nullable String preview) {
    String unique = body.formatted(UUID.randomUUID());
    HttpResponse<String> added =
        api().post(base, IDP.token("admin-" + UUID.randomUUID(), "admin"), unique);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    String id = added.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");

    HttpResponse<String> response =
        api()
            .send(
                row.method(),
                row.path().replace("{id}", id),
                tokenFor(row, "caller-" + UUID.randomUUID()),
                row.method().equals("GET")
                    ? null
                    : row.path().endsWith("/preview") ? preview : body.formatted(UUID.randomUUID()),
                Map.of("If-Match", "\"0\""));

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
  }

  /**
   * Who may see a contact is one rule (the contract's {@code ContactVisibility}): this service is
   * asked the same questions about a contact as contacts-service and must answer alike.
   */
  @Test
  void aContactIsSeenByTheSamePeopleHereAsInContactsService() throws IOException {
    assertThat(contactRows(Path.of("src/test/resources/authorization-matrix.csv")))
        .isEqualTo(
            contactRows(
                Path.of("../contacts-service/src/test/resources/authorization-matrix.csv")));
  }

  private static List<String> contactRows(Path matrix) throws IOException {
    return Files.readAllLines(matrix).stream()
        .filter(line -> line.startsWith("GET, /contacts/{id},"))
        .sorted()
        .toList();
  }
}
