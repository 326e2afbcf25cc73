package org.infointerview.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.Archives;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /me/export} over HTTP: a student's archive holds their interviews whole (notes
 * included) with a spreadsheet of them whose cells never run as formulas, their shares and the
 * audit entries about them, and a manifest written last; the alumnus asked finds the request in
 * theirs without the student's notes; another student's archive holds none of it.
 */
@ServiceIT
class PersonalExportIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  private final String studentSubject = "student-" + UUID.randomUUID();
  private final String student = IDP.token(studentSubject, "student");
  private final String alumnusSubject = "alumnus-" + UUID.randomUUID();
  private final String alumnus = IDP.token(alumnusSubject, "alumnus");

  @Test
  void eachPersonGetsWhatIsAboutThemAndNothingOfAnyoneElse() throws Exception {
    String contactId = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(
        mongo,
        ContactSnapshotFixtures.optedInAlumnus(contactId, "Ada Park")
            .append("linkedUserId", IDP.userId(alumnusSubject)));
    HttpResponse<String> planned =
        api.post(
            "/interviews",
            student,
            "{\"contactId\": \"%s\", \"purpose\": \"=HYPERLINK(\\\"x\\\") and the work\"}"
                .formatted(contactId));
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    String interview = json.readTree(planned.body()).get("id").asString();
    HttpResponse<String> scheduled =
        api.post(
            "/interviews/" + interview + "/schedule",
            student,
            "{\"start\": \"%s\", \"mode\": \"VIDEO\"}"
                .formatted(Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS)));
    assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
    api.put(
        "/interviews/" + interview + "/notes",
        student,
        "{\"learned\": \"Private: clinical data teams start as analysts.\"}");

    Map<String, String> mine = export(student);

    assertThat(mine.keySet())
        .containsExactlyInAnyOrder(
            "interviews.json",
            "interviews.csv",
            "requests-to-you.json",
            "research.json",
            "shares.json",
            "studies.json",
            "audit-about-you.json",
            "manifest.json");
    assertThat(List.copyOf(mine.keySet())).last().isEqualTo("manifest.json");
    JsonNode manifest = json.readTree(mine.get("manifest.json"));
    assertThat(manifest.get("complete").asBoolean()).isTrue();
    assertThat(manifest.get("personId").asString()).isEqualTo(IDP.userId(studentSubject));
    assertThat(manifest.get("service").asString()).isEqualTo("interviews-service");
    JsonNode interviews = json.readTree(mine.get("interviews.json"));
    assertThat(interviews.size()).isEqualTo(1);
    assertThat(interviews.get(0).get("id").asString()).isEqualTo(interview);
    assertThat(mine.get("interviews.json")).contains("clinical data teams start as analysts");
    List<String> rows = mine.get("interviews.csv").lines().toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).startsWith("id,person,organization");
    assertThat(rows.get(1))
        .contains(interview, "Ada Park", "SCHEDULED")
        .as("a spreadsheet shows the purpose as text, never runs it")
        .contains("\"'=HYPERLINK(\"\"x\"\") and the work\"");
    assertThat(json.readTree(mine.get("requests-to-you.json")).size()).isZero();
    assertThat(mine.get("audit-about-you.json")).contains("PERSONAL_DATA_EXPORTED");

    Map<String, String> asked = export(alumnus);
    JsonNode requests = json.readTree(asked.get("requests-to-you.json"));
    assertThat(requests.size()).isEqualTo(1);
    assertThat(requests.get(0).get("interviewId").asString()).isEqualTo(interview);
    assertThat(json.readTree(asked.get("interviews.json")).size()).isZero();
    assertThat(String.join("\n", asked.values()))
        .as("the person asked never gets the student's notes")
        .doesNotContain("clinical data teams");

    String stranger = IDP.token("student-" + UUID.randomUUID(), "student");
    Map<String, String> theirs = export(stranger);
    assertThat(String.join("\n", theirs.values())).doesNotContain(interview, "Ada Park");
    HttpResponse<byte[]> askedForAnother =
        api.download(
            "/me/export?userId="
                + URLEncoder.encode(IDP.userId(studentSubject), StandardCharsets.UTF_8),
            stranger);
    assertThat(String.join("\n", Archives.files(askedForAnother.body()).values()))
        .as("no parameter names another person: the caller's own, always")
        .doesNotContain(interview, "Ada Park");
    assertThat(api.download("/me/export", null).statusCode()).isEqualTo(401);
  }

  private Map<String, String> export(String token) {
    HttpResponse<byte[]> response = api.download("/me/export", token);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("interviews-service-export.zip");
    return Archives.files(response.body());
  }
}
