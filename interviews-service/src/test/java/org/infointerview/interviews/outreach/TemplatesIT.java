package org.infointerview.interviews.outreach;

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
 * The career center's templates over HTTP: an advisor previews and saves a request template (an
 * unknown merge field refused by name, the warnings of the filled text shown), a student drafts
 * from it for their person (merge fields filled, a value holding "{{school}}" kept as typed), and a
 * thank-you from the built-in text or a template; a change needs the ETag read; a retired template
 * is no longer offered; each change audited.
 */
@ServiceIT
class TemplatesIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  private final String advisor = IDP.token("advisor-" + UUID.randomUUID(), "advisor");
  private final String student = IDP.token("student-" + UUID.randomUUID(), "student");
  private final String name =
      "Alumni, first contact " + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aStudentDraftsFromTheCentersTemplateWithTheirPersonFilledIn() {
    String body =
        "Dear {{contactName}},\\n\\n{{howIGotYourName}}. I study {{major}} at {{school}} and"
            + " would value 20 minutes to hear how you came to {{organization}}: advice, not a"
            + " job.\\n\\n{{studentName}}";
    HttpResponse<String> unknown =
        api.post(
            "/templates",
            advisor,
            "{\"kind\": \"OUTREACH\", \"name\": \"x\", \"body\": \"Hi {{firstName}} {{ nickname }}\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body())
        .contains("body")
        .contains("{{firstName}}, {{nickname}} are not merge fields")
        .contains("{{contactName}}");

    JsonNode preview =
        json.readTree(
            api.post(
                    "/templates/preview",
                    advisor,
                    "{\"kind\": \"OUTREACH\", \"body\": \"Dear {{contactName}}, can I send my"
                        + " resume for an opening? {{nope}}\"}")
                .body());
    assertThat(preview.get("text").asString()).startsWith("Dear Jordan Rivera, can I send");
    assertThat(preview.get("warnings").toString()).contains("JOB_ASK", "NO_SOURCE");
    assertThat(preview.get("unknownFields").get(0).asString()).isEqualTo("nope");

    HttpResponse<String> added =
        api.post(
            "/templates",
            advisor,
            "{\"kind\": \"OUTREACH\", \"name\": \"%s\", \"body\": \"%s\"}".formatted(name, body));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    JsonNode template = json.readTree(added.body());
    String id = template.get("id").asString();
    assertThat(template.get("warnings").size()).as("the sample fills a good request").isZero();
    assertThat(api.get("/templates?kind=OUTREACH", student).body()).contains(id);

    String contactId = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(
        mongo,
        ContactSnapshotFixtures.optedInAlumnus(contactId, "Ada Park")
            .append("organizationName", "Contoso Health"));
    String interview =
        json.readTree(
                api.post(
                        "/interviews",
                        student,
                        "{\"contactId\": \"%s\", \"purpose\": \"Learn the work.\"}"
                            .formatted(contactId))
                    .body())
            .get("id")
            .asString();
    HttpResponse<String> draft =
        api.post(
            "/interviews/" + interview + "/outreach/draft",
            student,
            "{\"source\": \"ALUMNI_DATABASE\", \"major\": \"{{school}} ${jndi:x}\", \"templateId\":"
                + " \"%s\"}".formatted(id));
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
    String message = json.readTree(draft.body()).get("message").asString();
    assertThat(message)
        .startsWith("Dear Ada Park,\n\nI found your name in the ")
        .contains("I study {{school}} ${jndi:x} at ")
        .contains("how you came to Contoso Health: advice");

    // the thank-you: built in, then from a template
    JsonNode thanks =
        json.readTree(
            api.post("/interviews/" + interview + "/thank-you/draft", student, "{}").body());
    assertThat(thanks.get("message").asString())
        .startsWith("Dear Ada Park,\n\nThank you for taking the time");
    assertThat(thanks.get("warnings").toString()).doesNotContain("NO_SOURCE");
    HttpResponse<String> wrongKind =
        api.post(
            "/interviews/" + interview + "/thank-you/draft",
            student,
            "{\"templateId\": \"%s\"}".formatted(id));
    assertThat(wrongKind.statusCode()).isEqualTo(400);
    assertThat(wrongKind.body()).contains("templateId").contains("is not a thank-you template");

    String retire =
        "{\"kind\": \"OUTREACH\", \"name\": \"%s\", \"body\": \"%s\", \"retired\": true}"
            .formatted(name, body);
    assertThat(api.put("/templates/" + id, advisor, retire).statusCode()).isEqualTo(428);
    assertThat(
            api.send("PUT", "/templates/" + id, advisor, retire, Map.of("If-Match", "\"3\""))
                .statusCode())
        .isEqualTo(412);
    HttpResponse<String> retired =
        api.send("PUT", "/templates/" + id, advisor, retire, Map.of("If-Match", "\"0\""));
    assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
    assertThat(api.get("/templates", student).body()).doesNotContain(id);
    assertThat(api.get("/templates/" + id, student).statusCode()).isEqualTo(404);
    assertThat(api.get("/templates?withRetired=true", advisor).body()).contains(id);
    HttpResponse<String> gone =
        api.post(
            "/interviews/" + interview + "/outreach/draft",
            student,
            "{\"source\": \"LINKEDIN\", \"templateId\": \"%s\"}".formatted(id));
    assertThat(gone.statusCode()).isEqualTo(400);
    assertThat(
            mongo.find(
                Query.query(Criteria.where("resourceId").is(id)),
                org.bson.Document.class,
                "audit_log"))
        .extracting(d -> d.getString("action"))
        .containsExactlyInAnyOrder("TEMPLATE_ADDED", "TEMPLATE_RETIRED");
  }

  @Test
  void aSecondTemplateOfTheSameNameAndAStudentsWriteAreRefused() {
    String body =
        "{\"kind\": \"THANK_YOU\", \"name\": \"%s\", \"body\": \"Thank you, {{contactName}}.\"}";
    assertThat(api.post("/templates", advisor, body.formatted(name)).statusCode()).isEqualTo(201);
    HttpResponse<String> again =
        api.post("/templates", advisor, body.formatted(name.toUpperCase()));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json.readTree(again.body()).get("reason").asString()).isEqualTo("SAME_NAME");
    HttpResponse<String> hostile =
        api.post(
            "/templates",
            advisor,
            "{\"kind\": \"THANK_YOU\", \"name\": \"Two\\nlines\", \"body\": \"Hi\\u001b[31m\"}");
    assertThat(hostile.statusCode()).isEqualTo(400);
    assertThat(hostile.body()).contains("\"name\"").contains("\"body\"").contains("plain text");
    assertThat(api.post("/templates", student, body.formatted("mine")).statusCode()).isEqualTo(403);
    assertThat(
            api.post("/templates/preview", student, "{\"kind\": \"OUTREACH\", \"body\": \"x\"}")
                .statusCode())
        .isEqualTo(403);
    JsonNode fields = json.readTree(api.get("/templates/fields", student).body());
    assertThat(fields.get(0).get("name").asString()).isEqualTo("contactName");
    assertThat(fields.get(0).get("sample").asString()).isEqualTo("Jordan Rivera");
  }
}
