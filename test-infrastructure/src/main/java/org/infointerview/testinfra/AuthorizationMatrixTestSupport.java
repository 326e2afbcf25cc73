package org.infointerview.testinfra;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

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

  protected ApiClient api() {
    return new ApiClient(port);
  }
}
