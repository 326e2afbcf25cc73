package org.infointerview.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.AuthorizationMatrix;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An endpoint for one role refuses everyone else before it looks at their input: a student sending
 * a broken body to an admin's endpoint is told 403, never the body's rules (400).
 */
@ServiceIT
class RoleBeforeInputIT {

  ApiClient api;

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "POST | /career-fields | {\"code\": \"lower case\", \"name\": \"\"}",
        "PUT | /career-fields/STEM | {\"name\": \"\"}",
        "POST | /matches/a~b/merge | {\"survivorId\": \"\"}",
        "PUT | /contacts/64b7f0c2a1d3e45f6a7b8c90/consent | {\"maxRequestsPerMonth\": 99}",
        "PUT | /alumni-sync | {\"baseUrl\": \"\", \"pageSize\": 0}",
        "POST | /organizations | {\"name\": \"\"}",
        "POST | /people/erasures | {\"userId\": \"\", \"email\": \"\"}",
        "PUT | /imports/profiles/role-check | {\"source\": \"ALUMNI_IMPORT\", \"columns\": []}"
      })
  void aBrokenBodyFromTheWrongRoleIsRefusedForTheRoleAndFromAnAdminForTheBody(
      String method, String path, String body) {
    Map<String, String> json = Map.of("Content-Type", "application/json");

    HttpResponse<String> student =
        api.send(method, path, IDP.token("student-x", "student"), body, json);
    HttpResponse<String> admin = api.send(method, path, IDP.token("admin-x", "admin"), body, json);

    assertThat(student.statusCode()).as(student.body()).isEqualTo(403);
    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(400);
  }

  /** Every write a role may never make, from the authorization matrix. */
  static Stream<AuthorizationMatrix.Row> refusedByRole() {
    return AuthorizationMatrix.refusedByRole(AuthorizationMatrix.load("authorization-matrix.csv"))
        .stream();
  }

  @ParameterizedTest
  @MethodSource("refusedByRole")
  void aRoleRefusedAnEndpointIsToldSoWhateverItsBodyOrItsType(AuthorizationMatrix.Row row) {
    String path =
        row.path()
            .replace("{id}", "64b7f0c2a1d3e45f6a7b8c90")
            .replace("{code}", "STEM")
            .replace("{name}", "role-check");
    String token = IDP.token("role-" + row.role().toLowerCase(), row.role().toLowerCase());

    for (Map.Entry<String, String> body :
        Map.of(
                "application/json", "{\"unknownField\": [1, 2",
                "application/yaml", "name: x\nownerId: someone",
                "text/html", "<p>not an upload</p>")
            .entrySet()) {
      HttpResponse<String> refused =
          api.send(
              row.method(), path, token, body.getValue(), Map.of("Content-Type", body.getKey()));
      assertThat(refused.statusCode()).as(row + " with " + body.getKey()).isEqualTo(403);
    }
  }
}
