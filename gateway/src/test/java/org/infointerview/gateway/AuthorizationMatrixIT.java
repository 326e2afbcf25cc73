package org.infointerview.gateway;

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

/** Runs every row of the gateway's {@code authorization-matrix.csv}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
class AuthorizationMatrixIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final List<AuthorizationMatrix.Row> ROWS =
      AuthorizationMatrix.load("authorization-matrix.csv");

  @Autowired ApplicationContext context;

  @Value("${local.server.port}")
  int port;

  @Test
  void everyEndpointTheGatewayExposesHasARowAndEveryRowAnEndpoint() {
    AuthorizationMatrix.assertRowsMatchEndpoints(context, ROWS);
  }

  @TestFactory
  Stream<DynamicTest> everyRowOfTheMatrixHolds() {
    return ROWS.stream().map(row -> dynamicTest(row.toString(), () -> check(row)));
  }

  private void check(AuthorizationMatrix.Row row) {
    String token =
        row.anonymous()
            ? null
            : IDP.token("caller-" + UUID.randomUUID(), row.role().toLowerCase(Locale.ROOT));
    String method = "ANY".equals(row.method()) ? "GET" : row.method();

    HttpResponse<String> response =
        new ApiClient(port)
            .send(
                method, row.path().replace("{service}", "contacts-service"), token, null, Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
  }
}
