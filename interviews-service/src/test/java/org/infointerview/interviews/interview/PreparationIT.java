package org.infointerview.interviews.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.infointerview.interviews.ContactSnapshotFixtures;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Steps 1 and 2 over HTTP: a student's research on an organization, kept and reused, and the
 * preparation of one conversation read against it (closed questions, job asks, what the website
 * already answers, a long pitch): warnings with suggestions, never refusals.
 */
@ServiceIT
class PreparationIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  private final String subject = "student-" + UUID.randomUUID();
  private final String student = IDP.token(subject, "student");

  @Test
  void researchIsKeptPerTopicAndItsWebsiteAnswersFlagTheQuestionsThatAskThem() {
    String org = "Northwind Health " + UUID.randomUUID().toString().substring(0, 6);
    HttpResponse<String> written =
        api.put(
            "/research/ORGANIZATION/" + org.replace(" ", "%20"),
            student,
            """
            {"summary": "A regional hospital network.", "news": "Opened a data lab in 2026.",
             "links": [{"url": "https://northwind.example.org/about", "title": "About"}],
             "websiteAnswers": ["the hospital network's mission and locations"]}
            """);
    assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
    assertThat(
            json.readTree(
                    api.get(
                            "/research/ORGANIZATION/" + org.toUpperCase().replace(" ", "%20"),
                            student)
                        .body())
                .get("summary")
                .asString())
        .as("one note per topic, whatever its case")
        .isEqualTo("A regional hospital network.");

    String contactId = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(
        mongo,
        ContactSnapshotFixtures.optedInAlumnus(contactId, "Ada Park")
            .append("organizationName", org));
    String id = plan(contactId);
    HttpResponse<String> prepared =
        api.put(
            "/interviews/" + id + "/preparation",
            student,
            """
            {"pitch": "%s",
             "questions": [
               {"text": "What does a typical week look like for you?", "topic": "DAY_TO_DAY"},
               {"text": "Do you like your job?"},
               {"text": "Are there openings on your team?"},
               {"text": "What is the network's mission?"}]}
            """
                .formatted("I study statistics. ".repeat(40).strip()));

    assertThat(prepared.statusCode()).as(prepared.body()).isEqualTo(200);
    JsonNode answer = json.readTree(prepared.body());
    assertThat(answer.get("pitch").get(0).get("code").asString()).isEqualTo("LONG_PITCH");
    JsonNode questions = answer.get("questions");
    assertThat(questions.size()).as("the first question is fine").isEqualTo(3);
    assertThat(questions.get(0).get("index").asInt()).isEqualTo(1);
    assertThat(questions.get(0).get("warnings").get(0).get("code").asString())
        .isEqualTo("CLOSED_QUESTION");
    assertThat(questions.get(1).get("warnings").toString()).contains("JOB_ASK");
    assertThat(questions.get(2).get("warnings").get(0).get("code").asString())
        .isEqualTo("ON_THE_WEBSITE");
    assertThat(answer.get("interview").get("preparation").get("questions").size()).isEqualTo(4);

    HttpResponse<String> bank = api.get("/question-bank", student);
    assertThat(bank.statusCode()).isEqualTo(200);
    assertThat(bank.body()).contains("WHO_ELSE").contains("may I use your name");
  }

  @Test
  void aLinkThatIsNotAWebAddressIsRefusedAndAnotherStudentsResearchIsNotFound() {
    HttpResponse<String> script =
        api.put(
            "/research/FIELD/HEALTH_SCIENCE",
            student,
            "{\"links\": [{\"url\": \"javascript:alert(1)\"}]}");
    api.put("/research/FIELD/STEM", student, "{\"summary\": \"mine\"}");
    String other = IDP.token("student-" + UUID.randomUUID(), "student");

    assertThat(script.statusCode()).isEqualTo(400);
    assertThat(script.body()).contains("links[0].url").contains("http or https");
    assertThat(api.get("/research/FIELD/HEALTH_SCIENCE", student).statusCode()).isEqualTo(404);
    assertThat(api.get("/research/FIELD/STEM", other).statusCode()).isEqualTo(404);
    assertThat(api.get("/research/FIELD/STEM", student).statusCode()).isEqualTo(200);
  }

  @Test
  void aConversationThatTookPlaceIsPastPreparing() {
    String contactId = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(mongo, ContactSnapshotFixtures.optedInAlumnus(contactId, "Al"));
    String id = plan(contactId);
    api.post("/interviews/" + id + "/cancel", student, "{\"reason\": \"Changed my mind.\"}");

    HttpResponse<String> late =
        api.put("/interviews/" + id + "/preparation", student, "{\"pitch\": \"Hi\"}");

    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(json.readTree(late.body()).get("reason").asString()).isEqualTo("ALREADY_HELD");
  }

  private String plan(String contactId) {
    HttpResponse<String> planned =
        api.post(
            "/interviews",
            student,
            "{\"contactId\": \"%s\", \"purpose\": \"Learn the work.\"}".formatted(contactId));
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    return json.readTree(planned.body()).get("id").asString();
  }
}
