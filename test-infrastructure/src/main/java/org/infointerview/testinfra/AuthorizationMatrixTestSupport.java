package org.infointerview.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared part of every deployable's {@code AuthorizationMatrixIT}: load the matrix, check it
 * against the mapped endpoints, run each row. A subclass (annotated {@code @SpringBootTest} with a
 * random port and {@code @InfrastructureTest}) prepares the resource a row speaks of and asserts.
 */
public abstract class AuthorizationMatrixTestSupport {

  protected static final TestIdentityProvider IDP = TestIdentityProvider.get();

  @Autowired protected ApplicationContext context;

  @Value("${local.server.port}")
  protected int port;

  private final List<AuthorizationMatrix.Row> rows =
      AuthorizationMatrix.load("authorization-matrix.csv");

  @Test
  void everyEndpointHasARowAndEveryRowAnEndpoint() {
    AuthorizationMatrix.assertRowsMatchEndpoints(context, rows);
  }

  @TestFactory
  Stream<DynamicTest> everyRowOfTheMatrixHolds() {
    return rows.stream().map(row -> dynamicTest(row.toString(), () -> check(row)));
  }

  /** Prepares what the row needs, calls the endpoint, asserts the status and side effects. */
  protected abstract void check(AuthorizationMatrix.Row row) throws Exception;

  /** The scope of the platform's own service clients (the role {@code SERVICE} in a matrix). */
  public static final String SERVICE_SCOPE = "infointerview.contact-mail";

  /**
   * A token for the row's role: none for {@code NONE}, a service client's token with its scope for
   * {@code SERVICE}, else a person's with that role.
   */
  protected static @Nullable String tokenFor(AuthorizationMatrix.Row row, String subject) {
    if (row.anonymous()) {
      return null;
    }
    if ("SERVICE".equals(row.role())) {
      return IDP.serviceToken(subject, SERVICE_SCOPE);
    }
    return IDP.token(subject, row.role().toLowerCase(Locale.ROOT));
  }

  /**
   * A dead-letter row ({@code /dead-letters}, {@code /dead-letters/redrive}): an admin's re-drive
   * names a place in this service's first dead-letter topic where nothing is (NOT_FOUND, nothing
   * sent); the others are refused before anything is read.
   */
  protected void checkDeadLetters(AuthorizationMatrix.Row row) {
    String token = tokenFor(row, "caller-" + UUID.randomUUID());
    String body = null;
    if (row.writes()) {
      HttpResponse<String> listed =
          api().get("/dead-letters?limit=1", IDP.token("ops-" + UUID.randomUUID(), "admin"));
      assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
      String topic =
          JsonMapper.builder().build().readTree(listed.body()).get("topics").get(0).asString();
      body = "{\"ids\":[\"" + topic + ":0:999999999\"]}";
    }
    HttpResponse<String> response = api().send(row.method(), row.path(), token, body, Map.of());
    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
    if (row.writes() && row.expected() == 200) {
      assertThat(response.body()).contains("NOT_FOUND");
    }
  }

  protected ApiClient api() {
    return new ApiClient(port);
  }
}
