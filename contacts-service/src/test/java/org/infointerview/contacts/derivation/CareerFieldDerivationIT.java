package org.infointerview.contacts.derivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imported alumni filed under career fields by the mapping table: derived as they are imported,
 * shown as derived, found by a career-field search, re-derived when admins change the table and
 * apply it, and never overriding what an admin set.
 */
@ServiceIT
class CareerFieldDerivationIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;
  @Autowired CareerFieldDerivation derivation;

  ApiClient api;
  private final String admin = IDP.token("admin-" + UUID.randomUUID(), "admin");
  private final String org = "Org" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

  @AfterEach
  void seedAgain() {
    // the table is shared by every test: put the seed back
    JsonNode seed = json.valueToTree(Map.of("rules", CareerFieldRuleSeed.RULES));
    assertThat(api.put("/career-field-rules", admin, seed.toString()).statusCode()).isEqualTo(200);
  }

  @Test
  void importedAlumniAreFiledByMajorAndTitleShownAsDerivedAndFoundByCareerField() {
    String ids = "D" + UUID.randomUUID().toString().substring(0, 6);
    String file =
        "Alumni ID,First Name,Last Name,Employer,Job Title,Major,Class Year,Willing To Mentor\n"
            + ids
            + "-1,Rosa,Park,"
            + org
            + " Hospital,Registered Nurse,Nursing,2012,Yes\n"
            + ids
            + "-2,Ken,Ito,"
            + org
            + " Software,Software Engineer,Computer Science,2015,Yes\n";
    awaitImport(upload(file));

    Contact rosa = byAlumniId(ids + "-1");
    assertThat(rosa.details().careerFields()).containsExactly("HEALTH_SCIENCE");
    assertThat(rosa.details().industry()).isEqualTo("HEALTHCARE");
    String student = IDP.token("student-" + UUID.randomUUID(), "student");
    JsonNode seen = json.readTree(api.get("/contacts/" + rosa.id(), student).body());
    assertThat(seen.get("derivedFields").toString()).contains("careerFields", "industry");
    assertThat(
            json.readTree(
                    api.get("/contacts?careerField=HEALTH_SCIENCE&organization=" + org, student)
                        .body())
                .get("items")
                .findValuesAsString("id"))
        .containsExactly(rosa.id());
  }

  @Test
  void aChangedTableAppliedMovesDerivedValuesAndNeverOnesAnAdminSet() {
    String ids = "E" + UUID.randomUUID().toString().substring(0, 6);
    String file =
        "Alumni ID,First Name,Last Name,Employer,Job Title,Major,Class Year\n"
            + ids
            + "-1,Ann,Lee,"
            + org
            + ",Registered Nurse,Nursing,2012\n"
            + ids
            + "-2,Bo,Lund,"
            + org
            + ",Registered Nurse,Nursing,2013\n";
    awaitImport(upload(file));
    Contact bo = byAlumniId(ids + "-2");
    JsonNode read = json.readTree(api.get("/contacts/" + bo.id(), admin).body());
    HttpResponse<String> set =
        api.send(
            "PUT",
            "/contacts/" + bo.id(),
            admin,
            "{\"givenName\": \"Bo\", \"familyName\": \"Lund\", \"organizationName\": \""
                + org
                + "\", \"jobTitle\": \"Registered Nurse\", \"careerFields\": [\"FINANCE\"],"
                + " \"industry\": \"INSURANCE\", \"graduationYear\": 2013, \"major\": \"Nursing\"}",
            Map.of("If-Match", "\"" + read.get("version").asLong() + "\""));
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

    HttpResponse<String> changed =
        api.put(
            "/career-field-rules",
            admin,
            """
            {"rules": [{"source": "JOB_TITLE", "words": "nurse", "careerFields": ["Human Services"],
                        "industry": "NONPROFIT"}]}""");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(json.readTree(changed.body()).get("rules").get(0).get("careerFields").toString())
        .as("names become codes")
        .contains("HUMAN_SERVICES");
    HttpResponse<String> applied = api.post("/career-field-rules/apply", admin, "");
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                !json.readTree(api.get("/career-field-rules", admin).body())
                    .get("lastApply")
                    .get("finishedAt")
                    .isNull());

    Contact ann = byAlumniId(ids + "-1");
    assertThat(ann.details().careerFields()).containsExactly("HUMAN_SERVICES");
    assertThat(ann.details().industry()).isEqualTo("NONPROFIT");
    Contact kept = byAlumniId(ids + "-2");
    assertThat(kept.details().careerFields()).as("an admin set them").containsExactly("FINANCE");
    assertThat(kept.details().industry()).isEqualTo("INSURANCE");
    assertThat(
            mongo.count(
                Query.query(
                    Criteria.where("action").in("CAREER_FIELD_RULES", "CAREER_FIELD_RULES_APPLY")),
                "audit_log"))
        .as("both audited")
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aRuleNamingNoCareerFieldOrIndustryOfTheTaxonomyIsRefusedByPlaceAndNothingChanges() {
    long before =
        json.readTree(api.get("/career-field-rules", admin).body()).get("version").asLong();

    HttpResponse<String> refused =
        api.put(
            "/career-field-rules",
            admin,
            """
            {"rules": [{"source": "MAJOR", "words": "nursing", "careerFields": ["NOT_A_FIELD"]},
                       {"source": "MAJOR", "words": "biology"}]}""");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("rules[0].careerFields[0]", "not a career cluster");
    assertThat(json.readTree(api.get("/career-field-rules", admin).body()).get("version").asLong())
        .isEqualTo(before);
    assertThat(
            api.put("/career-field-rules", IDP.token("adv", "advisor"), "{\"rules\": []}")
                .statusCode())
        .isEqualTo(403);
  }

  private HttpResponse<String> upload(String file) {
    return api.send(
        "POST",
        "/imports?profile=alumni-db-export&fileName=" + org,
        admin,
        file,
        Map.of("Content-Type", "text/csv"));
  }

  private void awaitImport(HttpResponse<String> accepted) {
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String id = json.readTree(accepted.body()).get("id").asString();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                List.of("COMPLETED", "FAILED")
                    .contains(
                        json.readTree(api.get("/imports/" + id, admin).body())
                            .get("status")
                            .asString()));
  }

  private Contact byAlumniId(String id) {
    return mongo.findOne(Query.query(Criteria.where("externalAlumniId").is(id)), Contact.class);
  }
}
