package org.infointerview.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.infointerview.testinfra.AuthorizationMatrix;
import org.infointerview.testinfra.AuthorizationMatrixTestSupport;
import org.infointerview.testinfra.InfrastructureTest;
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
    String token = tokenFor(row, caller);
    String body =
        row.writes()
            ? "{\"emailReminders\": false, \"inAppReminders\": true, \"timeZone\": \"UTC\"}"
            : null;

    HttpResponse<String> response = api().send(row.method(), row.path(), token, body, Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
    if (row.writes() && row.expected() >= 400) {
      assertThat(mongo.findById(IDP.userId(caller), Document.class, "notification_preferences"))
          .as("stored after a denied " + row)
          .isNull();
    }
  }
}
