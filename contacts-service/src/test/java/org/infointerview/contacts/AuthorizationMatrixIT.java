package org.infointerview.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.infointerview.events.Topics;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.AuthorizationMatrix;
import org.infointerview.testinfra.AuthorizationMatrixTestSupport;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/** Runs every row of {@code authorization-matrix.csv} against the real service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
class AuthorizationMatrixIT extends AuthorizationMatrixTestSupport {

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper jsonMapper;

  @Override
  protected void check(AuthorizationMatrix.Row row) {
    ApiClient api = api();
    String caller = "caller-" + UUID.randomUUID();
    String marker = "Marker" + UUID.randomUUID().toString().replace("-", "");
    String owner = "own".equals(row.resource()) ? caller : "owner-" + UUID.randomUUID();
    String contactId = null;
    if (!"none".equals(row.resource())) {
      contactId = createContact(api, owner, "Owned" + marker);
    }
    String path = contactId == null ? row.path() : row.path().replace("{id}", contactId);
    String token = tokenFor(row, caller);
    String body = row.writes() ? contact(marker) : null;

    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      HttpResponse<String> response = api.send(row.method(), path, token, body, Map.of());

      assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
      if ("GET /contacts".equals(row.endpoint()) && "others".equals(row.resource())) {
        assertThat(response.body()).doesNotContain(contactId);
      }
      if (row.writes() && row.expected() >= 400) {
        assertThat(mongo.count(new Query(Criteria.where("familyName").is(marker)), "contacts"))
            .as("stored after a denied " + row)
            .isZero();
        assertThat(events.pollFor(Duration.ofSeconds(1)))
            .as("events after a denied " + row)
            .noneMatch(r -> r.value().contains(marker));
      }
    }
  }

  private String createContact(ApiClient api, String ownerSubject, String familyName) {
    HttpResponse<String> created =
        api.post("/contacts", IDP.token(ownerSubject, "student"), contact(familyName));
    assertThat(created.statusCode()).isEqualTo(201);
    return jsonMapper.readTree(created.body()).get("id").asString();
  }

  private static String contact(String familyName) {
    return "{\"givenName\": \"Matrix\", \"familyName\": \"" + familyName + "\"}";
  }
}
