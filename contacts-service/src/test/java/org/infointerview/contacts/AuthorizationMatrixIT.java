package org.infointerview.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.infointerview.events.Topics;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.AuthorizationMatrix;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TestIdentityProvider;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/** Runs every row of {@code authorization-matrix.csv} against the real service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
class AuthorizationMatrixIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final List<AuthorizationMatrix.Row> ROWS =
      AuthorizationMatrix.load("authorization-matrix.csv");

  @Autowired ApplicationContext context;
  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper jsonMapper;

  @Value("${local.server.port}")
  int port;

  @Test
  void everyEndpointTheServiceExposesHasARowAndEveryRowAnEndpoint() {
    AuthorizationMatrix.assertRowsMatchEndpoints(context, ROWS);
  }

  @TestFactory
  Stream<DynamicTest> everyRowOfTheMatrixHolds() {
    return ROWS.stream().map(row -> dynamicTest(row.toString(), () -> check(row)));
  }

  private void check(AuthorizationMatrix.Row row) {
    ApiClient api = new ApiClient(port);
    String caller = "caller-" + UUID.randomUUID();
    String marker = "Marker" + UUID.randomUUID().toString().replace("-", "");
    String owner = "own".equals(row.resource()) ? caller : "owner-" + UUID.randomUUID();
    String contactId = null;
    if (!"none".equals(row.resource())) {
      contactId = createContact(api, owner, "Owned" + marker);
    }
    String path = contactId == null ? row.path() : row.path().replace("{id}", contactId);
    String token = row.anonymous() ? null : IDP.token(caller, row.role().toLowerCase(Locale.ROOT));
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
