package org.infointerview.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.infointerview.testinfra.AuthorizationMatrix;
import org.infointerview.testinfra.AuthorizationMatrixTestSupport;
import org.infointerview.testinfra.InfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Runs every row of {@code authorization-matrix.csv} against the real service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
class AuthorizationMatrixIT extends AuthorizationMatrixTestSupport {

  @Autowired MongoTemplate mongo;

  @Override
  protected void check(AuthorizationMatrix.Row row) {
    String caller = "caller-" + UUID.randomUUID();
    String owner = "own".equals(row.resource()) ? caller : "owner-" + UUID.randomUUID();
    String contactId = "c-" + UUID.randomUUID();
    mongo.insert(
        "alumni".equals(row.resource())
            ? optedInAlumnus(contactId)
            : personalSnapshot(contactId, IDP.userId(owner)),
        "contact_snapshots");
    String token = tokenFor(row, caller);

    HttpResponse<String> response =
        api().send(row.method(), row.path().replace("{id}", contactId), token, null, Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
    if (row.expected() == 404) {
      assertThat(response.body()).doesNotContain("Matrix Person");
    }
  }

  /**
   * Who may see a contact is one rule (the contract's {@code ContactVisibility}): this service is
   * asked the same questions about a contact as contacts-service and must answer alike.
   */
  @Test
  void aContactIsSeenByTheSamePeopleHereAsInContactsService() throws IOException {
    assertThat(contactRows(Path.of("src/test/resources/authorization-matrix.csv")))
        .isEqualTo(
            contactRows(
                Path.of("../contacts-service/src/test/resources/authorization-matrix.csv")));
  }

  private static List<String> contactRows(Path matrix) throws IOException {
    return Files.readAllLines(matrix).stream()
        .filter(line -> line.startsWith("GET, /contacts/{id},"))
        .sorted()
        .toList();
  }

  private static Document optedInAlumnus(String contactId) {
    return new Document("_id", contactId)
        .append("source", "ALUMNI_IMPORT")
        .append("displayName", "Matrix Person")
        .append("careerFields", List.of())
        .append("optedIn", true)
        .append("contactPreference", "SHOW_EMAIL")
        .append("doNotContact", false)
        .append("contactVersion", 0L)
        .append("updatedAt", Date.from(Instant.now()));
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
