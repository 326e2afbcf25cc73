package org.infointerview.contacts.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organization directory through the real API and store. Each test names its organizations with
 * a word of its own, so tests never see each other's.
 */
@ServiceIT
class OrganizationsIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  private final String admin = IDP.token("admin-" + UUID.randomUUID(), "admin");
  private final String student = IDP.token("student-" + UUID.randomUUID(), "student");
  ApiClient api;
  private String word;

  @BeforeEach
  void setUp() {
    word = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @Autowired OrganizationKeysBackfill backfill;

  @Test
  void anOrganizationStoredWithAnOlderReleasesKeysIsFoundAsPeopleTypeItAfterStart() {
    HttpResponse<String> added =
        api.post("/organizations", admin, "{\"name\": \"Ørsted " + word + "\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    String id = json.readTree(added.body()).get("id").asString();
    // as an older release stored it: ø kept as it is, no keys version
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id)),
        new Update()
            .set("searchTokens", List.of("ørsted", word.toLowerCase()))
            .set("nameKey", "ørsted " + word.toLowerCase())
            .set("dedupeKey", "ørsted " + word.toLowerCase() + "|")
            .unset("keysVersion"),
        "organizations");

    backfill.backfill();

    for (String typed : List.of("orsted", "Ørsted")) {
      HttpResponse<String> found =
          api.get("/organizations?q=" + typed + "+" + word.toLowerCase(), student);
      assertThat(json.readTree(found.body()).get("items").findValuesAsString("id"))
          .as(typed)
          .containsExactly(id);
    }
    org.bson.Document stored = mongo.findById(id, org.bson.Document.class, "organizations");
    assertThat(stored.getString("nameKey")).isEqualTo("orsted " + word.toLowerCase());
    assertThat(stored.get("version", Number.class).longValue()).as("no new version").isZero();
  }

  @Test
  void anAdminAddsAnOrganizationThatEveryoneFindsByTheStartOfItsWords() {
    HttpResponse<String> added =
        api.post(
            "/organizations",
            admin,
            """
            {"name": "The %s Aircraft Company", "website": "https://www.%s.com/careers",
             "industry": "Aerospace & Defense", "city": "Seattle", "region": "WA",
             "country": "us", "size": "ENTERPRISE"}"""
                .formatted(word, word.toLowerCase()));

    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    JsonNode organization = json.readTree(added.body());
    String id = organization.get("id").asString();
    assertThat(added.headers().firstValue("Location")).hasValue("/organizations/" + id);
    assertThat(added.headers().firstValue("ETag")).hasValue("\"0\"");
    assertThat(organization.get("domain").asString()).isEqualTo(word.toLowerCase() + ".com");
    assertThat(organization.get("industry").asString()).isEqualTo("AEROSPACE_DEFENSE");
    assertThat(organization.get("country").asString()).isEqualTo("US");

    HttpResponse<String> found =
        api.get("/organizations?q=" + word.substring(0, 6).toLowerCase() + "+aircr", student);
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(json.readTree(found.body()).get("items").findValuesAsString("id"))
        .containsExactly(id);
    assertThat(api.get("/organizations/" + id, student).statusCode()).isEqualTo(200);
    assertThat(
            json.readTree(
                    api.get("/organizations?industry=AEROSPACE_DEFENSE&size=100", student).body())
                .get("items")
                .findValuesAsString("id"))
        .contains(id);
  }

  @Test
  void theSameOrganizationIsNeverAddedTwiceUnderAnotherSpellingOrWithoutItsDomain() {
    String first = add("{\"name\": \"%s Labs, Inc.\", \"domain\": \"%s.io\"}");

    for (String again :
        new String[] {
          "{\"name\": \"%s Labs\", \"domain\": \"www.%s.io\"}",
          "{\"name\": \"the %s labs llc\"}",
          "{\"name\": \"%s  LABS\", \"website\": \"http://%s.io\"}"
        }) {
      HttpResponse<String> refused =
          api.post("/organizations", admin, again.formatted(word, word.toLowerCase()));
      assertThat(refused.statusCode()).as(again).isEqualTo(409);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(json.readTree(refused.body()).get("existingId").asString()).isEqualTo(first);
    }
    assertThat(stored()).isEqualTo(1);

    add("{\"name\": \"%s Labs\", \"domain\": \"%s-labs.de\"}");
    assertThat(stored()).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\": \"  \"} | name",
        "{\"name\": \"--\"} | name",
        "{\"name\": \"X NAME\", \"website\": \"javascript:alert(1)\"} | website",
        "{\"name\": \"X NAME\", \"website\": \"https://user:pw@x.com\"} | website",
        "{\"name\": \"X NAME\", \"domain\": \"not a domain\"} | domain",
        "{\"name\": \"X NAME\", \"domain\": \"x.com\", \"website\": \"https://y.org\"} | website",
        "{\"name\": \"X NAME\", \"industry\": \"Underwater Basket Weaving\"} | industry",
        "{\"name\": \"X NAME\", \"country\": \"ZZ\"} | country",
        "{\"name\": \"X NAME\", \"city\": \"a\\u0000b\"} | city"
      })
  void anOrganizationThatBreaksARuleIsRefusedNamingTheFieldAndNothingIsStored(
      String body, String field) {
    HttpResponse<String> refused = api.post("/organizations", admin, body.replace("X NAME", word));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).get("errors").findValuesAsString("field"))
        .contains(field);
    assertThat(stored()).isZero();
  }

  @Test
  void correctionsNeedTheVersionReadAndMayNotMakeADuplicate() {
    String id = add("{\"name\": \"%s Health\", \"domain\": \"%s-health.org\"}");
    add("{\"name\": \"%s Clinic\", \"domain\": \"%s-clinic.org\"}");
    String path = "/organizations/" + id;
    String body = "{\"name\": \"" + word + " Health System\", \"size\": \"LARGE\"}";

    assertThat(api.put(path, admin, body).statusCode()).isEqualTo(428);
    assertThat(api.send("PUT", path, admin, body, Map.of("If-Match", "\"7\"")).statusCode())
        .isEqualTo(412);
    HttpResponse<String> collides =
        api.send(
            "PUT",
            path,
            admin,
            "{\"name\": \""
                + word
                + " clinic\", \"domain\": \""
                + word.toLowerCase()
                + "-clinic.org\"}",
            Map.of("If-Match", "\"0\""));
    assertThat(collides.statusCode()).isEqualTo(409);
    HttpResponse<String> corrected =
        api.send("PUT", path, admin, body, Map.of("If-Match", "\"0\""));

    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.headers().firstValue("ETag")).hasValue("\"1\"");
    JsonNode now = json.readTree(api.get(path, student).body());
    assertThat(now.get("name").asString()).isEqualTo(word + " Health System");
    assertThat(now.get("size").asString()).isEqualTo("LARGE");
    assertThat(now.get("domain").isNull()).isTrue();
  }

  @Test
  void aRemovedOrganizationIsGone() {
    String id = add("{\"name\": \"%s Bank\"}");

    assertThat(api.delete("/organizations/" + id, admin).statusCode()).isEqualTo(204);

    assertThat(api.get("/organizations/" + id, student).statusCode()).isEqualTo(404);
    assertThat(stored()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"size=0, size", "size=101, size", "size=100000, size", "page=-1, page"})
  void pagesOutsideTheLimitsAreRefused(String parameter, String field) {
    HttpResponse<String> refused = api.get("/organizations?" + parameter, student);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains(field);
  }

  private String add(String template) {
    HttpResponse<String> added =
        api.post("/organizations", admin, template.formatted(word, word.toLowerCase()));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    return json.readTree(added.body()).get("id").asString();
  }

  private long stored() {
    return mongo.count(
        Query.query(Criteria.where("searchTokens").is(word.toLowerCase())), Organization.class);
  }
}
