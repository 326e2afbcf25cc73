package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.infointerview.testinfra.AuthorizationMatrix;
import org.infointerview.testinfra.AuthorizationMatrixTestSupport;
import org.infointerview.testinfra.InfrastructureTest;
import org.springframework.boot.test.context.SpringBootTest;

/** Runs every row of the gateway's {@code authorization-matrix.csv}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
class AuthorizationMatrixIT extends AuthorizationMatrixTestSupport {

  @Override
  protected void check(AuthorizationMatrix.Row row) {
    String token = tokenFor(row, "caller-" + UUID.randomUUID());
    String method = "ANY".equals(row.method()) ? "GET" : row.method();

    HttpResponse<String> response =
        api()
            .send(
                method, row.path().replace("{service}", "contacts-service"), token, null, Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
  }
}
