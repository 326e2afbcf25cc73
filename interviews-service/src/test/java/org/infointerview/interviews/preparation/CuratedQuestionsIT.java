package org.infointerview.interviews.preparation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.infointerview.interviews.ContactSnapshotFixtures;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The career center's question bank over HTTP: an advisor adds a question (told when it is closed
 * or asks for a job, as students are), students are offered it first in its topic beside the
 * built-in ones; a change needs the ETag read (428 without, 412 when stale); a retired question is
 * no longer offered while the copy a student took stays in their preparation; every change is in
 * the audit log; the same question twice and a student's write are refused.
 */
@ServiceIT
class CuratedQuestionsIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  private final String advisor = IDP.token("advisor-" + UUID.randomUUID(), "advisor");
  private final String admin = IDP.token("admin-" + UUID.randomUUID(), "admin");
  private final String student = IDP.token("student-" + UUID.randomUUID(), "student");
  private final String words =
      "How do nurses in your unit share what they learn? " + UUID.randomUUID();

  @Test
  void anAdvisorsQuestionIsOfferedFirstAndARetiredOneStaysInTheStudentsCopy() {
    HttpResponse<String> added =
        api.post(
            "/question-bank/curated",
            advisor,
            """
            {"topic": "DAY_TO_DAY", "text": "  %s ", "recommended": true,
             "careerField": "HEALTH_SCIENCE"}
            """
                .formatted(words));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    JsonNode question = json.readTree(added.body());
    String id = question.get("id").asString();
    assertThat(added.headers().firstValue("Location")).hasValue("/question-bank/curated/" + id);
    assertThat(added.headers().firstValue("ETag")).hasValue("\"0\"");
    assertThat(question.get("text").asString())
        .as("kept without the spaces around")
        .isEqualTo(words);
    assertThat(question.get("warnings").size()).isZero();

    JsonNode offered =
        json.readTree(api.get("/question-bank?careerField=HEALTH_SCIENCE", student).body());
    JsonNode first = offered.get(0);
    assertThat(first.get("topic").asString()).isEqualTo("DAY_TO_DAY");
    assertThat(first.get("text").asString())
        .as("the center's recommended question first in its topic")
        .isEqualTo(words);
    assertThat(first.get("curated").asBoolean()).isTrue();
    assertThat(first.get("recommended").asBoolean()).isTrue();
    assertThat(offered.toString()).contains("may I use your name");
    assertThat(api.get("/question-bank?careerField=LAW_PUBLIC_SAFETY", student).body())
        .as("a question for one career field is not offered for another")
        .doesNotContain(words);

    // a student takes it into their preparation
    String contactId = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(mongo, ContactSnapshotFixtures.optedInAlumnus(contactId, "Ada"));
    HttpResponse<String> planned =
        api.post(
            "/interviews",
            student,
            "{\"contactId\": \"%s\", \"purpose\": \"Learn the work.\"}".formatted(contactId));
    String interview = json.readTree(planned.body()).get("id").asString();
    api.put(
        "/interviews/" + interview + "/preparation",
        student,
        "{\"questions\": [{\"text\": \"%s\", \"topic\": \"DAY_TO_DAY\"}]}".formatted(words));

    String retire =
        """
        {"topic": "DAY_TO_DAY", "text": "How do nurses share what they learn?", "retired": true}
        """;
    HttpResponse<String> untagged = api.put("/question-bank/curated/" + id, advisor, retire);
    assertThat(untagged.statusCode()).as("a change without If-Match").isEqualTo(428);
    HttpResponse<String> stale =
        api.send("PUT", "/question-bank/curated/" + id, admin, retire, Map.of("If-Match", "\"7\""));
    assertThat(stale.statusCode()).isEqualTo(412);
    HttpResponse<String> retired =
        api.send("PUT", "/question-bank/curated/" + id, admin, retire, Map.of("If-Match", "\"0\""));
    assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
    assertThat(retired.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(json.readTree(retired.body()).get("retired").asBoolean()).isTrue();

    assertThat(api.get("/question-bank", student).body()).doesNotContain(id);
    assertThat(api.get("/question-bank/curated", advisor).body()).doesNotContain(id);
    assertThat(api.get("/question-bank/curated?withRetired=true", advisor).body()).contains(id);
    assertThat(api.get("/interviews/" + interview, student).body())
        .as("the student's copy stays as they took it")
        .contains(words);
    assertThat(
            mongo.find(
                Query.query(Criteria.where("resourceId").is(id)),
                org.bson.Document.class,
                "audit_log"))
        .extracting(d -> d.getString("action"))
        .containsExactlyInAnyOrder("QUESTION_ADDED", "QUESTION_RETIRED");
  }

  @Test
  void aClosedQuestionIsFlaggedTheSameQuestionTwiceAndAStudentsWriteAreRefused() {
    HttpResponse<String> closed =
        api.post(
            "/question-bank/curated",
            advisor,
            "{\"topic\": \"ADVICE\", \"text\": \"Do you like it? %s\"}"
                .formatted(UUID.randomUUID()));
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(201);
    assertThat(json.readTree(closed.body()).get("warnings").get(0).get("code").asString())
        .as("a warning for the author, never a refusal")
        .isEqualTo("CLOSED_QUESTION");

    api.post(
        "/question-bank/curated",
        advisor,
        "{\"topic\": \"ADVICE\", \"text\": \"%s\"}".formatted(words));
    HttpResponse<String> again =
        api.post(
            "/question-bank/curated",
            admin,
            "{\"topic\": \"ADVICE\", \"text\": \"%s\"}"
                .formatted(words.toUpperCase().replace(" ", "  ")));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json.readTree(again.body()).get("reason").asString()).isEqualTo("SAME_QUESTION");

    HttpResponse<String> bad =
        api.post(
            "/question-bank/curated",
            advisor,
            "{\"topic\": \"ADVICE\", \"text\": \"\", \"careerField\": \"health\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("text").contains("careerField").doesNotContain("Exception");
    HttpResponse<String> hidden =
        api.post(
            "/question-bank/curated",
            advisor,
            "{\"topic\": \"ADVICE\", \"text\": \"What\\u202e is it?\\u0000\"}");
    assertThat(hidden.statusCode()).isEqualTo(400);
    assertThat(hidden.body()).contains("text").contains("must be plain text");
    HttpResponse<String> topic =
        api.post("/question-bank/curated", advisor, "{\"topic\": \"GOSSIP\", \"text\": \"Why?\"}");
    assertThat(topic.statusCode()).isEqualTo(400);
    assertThat(topic.body()).contains("topic").doesNotContain("Exception");

    assertThat(
            api.post(
                    "/question-bank/curated",
                    student,
                    "{\"topic\": \"ADVICE\", \"text\": \"What now?\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(api.get("/question-bank/curated/nobody", advisor).statusCode()).isEqualTo(404);
  }
}
