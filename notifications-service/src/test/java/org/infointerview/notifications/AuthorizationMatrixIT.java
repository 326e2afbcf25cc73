package org.infointerview.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
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
    String token = row.anonymous() ? null : IDP.token(caller, row.role().toLowerCase(Locale.ROOT));
    String body =
        row.writes()
            ? "{\"emailReminders\": false, \"inAppReminders\": true, \"timeZone\": \"UTC\"}"
            : null;

    HttpResponse<String> response =
        new ApiClient(port).send(row.method(), row.path(), token, body, Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
    if (row.writes() && row.expected() >= 400) {
      assertThat(
              mongo.findById(
                  IDP.userId(caller), org.bson.Document.class, "notification_preferences"))
          .as("stored after a denied " + row)
          .isNull();
    }
  }
}
