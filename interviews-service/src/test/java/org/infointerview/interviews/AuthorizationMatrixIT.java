package org.infointerview.interviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.AuthorizationMatrix;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Runs every row of {@code authorization-matrix.csv} against the real service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
class AuthorizationMatrixIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final List<AuthorizationMatrix.Row> ROWS =
      AuthorizationMatrix.load("authorization-matrix.csv");

  @Autowired ApplicationContext context;
  @Autowired MongoTemplate mongo;

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
    String caller = "caller-" + UUID.randomUUID();
    String owner = "own".equals(row.resource()) ? caller : "owner-" + UUID.randomUUID();
    String contactId = "c-" + UUID.randomUUID();
    mongo.insert(personalSnapshot(contactId, IDP.userId(owner)), "contact_snapshots");
    String token = row.anonymous() ? null : IDP.token(caller, row.role().toLowerCase(Locale.ROOT));

    HttpResponse<String> response =
        new ApiClient(port)
            .send(row.method(), row.path().replace("{id}", contactId), token, null, Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
    if (row.expected() == 404) {
      assertThat(response.body()).doesNotContain("Matrix Person");
    }
  }

  private static Document personalSnapshot(String contactId, String ownerId) {
    return new Document("_id", contactId)
        .append("ownerId", ownerId)
        .append("source", "PERSONAL")
        .append("displayName", "Matrix Person")
        .append("careerFields", List.of())
        .append("optedIn", false)
        .append("contactPreference", "SHOW_EMAIL")
        .append("doNotContact", false)
        .append("contactVersion", 0L)
        .append("updatedAt", Date.from(Instant.now()));
  }
}
