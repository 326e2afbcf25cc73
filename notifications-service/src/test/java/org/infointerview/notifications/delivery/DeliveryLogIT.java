package org.infointerview.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery log as an admin uses it: a failed message is listed with why, read by its handle,
 * sent again (audited); a sent one cannot be; a status that is not listed, or a handle nobody
 * issued, is refused in plain words.
 */
@ServiceIT
class DeliveryLogIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final Duration WAIT = Duration.ofSeconds(30);

  ApiClient api;

  @Autowired Deliveries deliveries;
  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  private final String admin = IDP.token("admin-" + UUID.randomUUID(), "admin");

  @Test
  void aFailedMessageIsListedWithWhyAndSentAgainByAnAdmin() {
    String failed = queue("not an address");
    String sent = queue("sam-" + UUID.randomUUID() + "@example.edu");
    await().atMost(WAIT).until(() -> status(failed) == DeliveryStatus.FAILED);
    await().atMost(WAIT).until(() -> status(sent) == DeliveryStatus.SENT);

    assertThat(findFailed(handle(failed))).as("listed among the FAILED").isTrue();
    JsonNode one = ok(api.get("/deliveries/" + handle(failed), admin));
    assertThat(one.get("status").asString()).isEqualTo("FAILED");
    assertThat(one.get("lastError").asString()).contains("not a valid address");

    JsonNode retried = ok(api.post("/deliveries/" + handle(failed) + "/retry", admin, ""));
    assertThat(retried.get("attempts").asInt()).as("tried again at once").isEqualTo(1);
    assertThat(
            mongo
                .getCollection("audit_log")
                .countDocuments(
                    new Document("action", "DELIVERY_RETRIED")
                        .append("resourceId", handle(failed))))
        .isEqualTo(1);

    HttpResponse<String> again = api.post("/deliveries/" + handle(sent) + "/retry", admin, "");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json.readTree(again.body()).get("reason").asString()).isEqualTo("NOT_FAILED");
  }

  @Test
  void aStatusThatIsNotListedOrAHandleNobodyIssuedIsRefusedInPlainWords() {
    HttpResponse<String> sent = api.get("/deliveries?status=SENT", admin);
    HttpResponse<String> unknown = api.get("/deliveries?status=LOST", admin);
    HttpResponse<String> nobody = api.get("/deliveries/" + "0".repeat(32), admin);
    HttpResponse<String> odd = api.get("/deliveries/..%2Faudit", admin);

    assertThat(sent.statusCode()).isEqualTo(400);
    assertThat(sent.body()).contains("status").contains("QUEUED or FAILED");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(nobody.statusCode()).isEqualTo(404);
    assertThat(odd.statusCode()).isIn(400, 404);
    assertThat(sent.body() + unknown.body() + nobody.body()).doesNotContain("Exception");
  }

  private String queue(String to) {
    String eventId = UUID.randomUUID().toString();
    deliveries.queue(
        new Deliveries.Message(
            "LOG_TEST",
            eventId,
            "user-" + eventId,
            to,
            "Sam",
            new MailTemplates.Rendered("Hello", "Hello, Sam.", "<p>Hello, Sam.</p>")));
    return "LOG_TEST|" + eventId + "|user-" + eventId;
  }

  /** Pages through the FAILED messages until the handle turns up. */
  private boolean findFailed(String handle) {
    String after = "";
    for (int page = 0; page < 100; page++) {
      JsonNode rows =
          ok(api.get("/deliveries?status=FAILED&size=100&after=" + encode(after), admin));
      for (JsonNode row : rows) {
        if (row.get("handle").asString().equals(handle)) {
          return true;
        }
      }
      if (rows.size() < 100) {
        return false;
      }
      after = rows.get(rows.size() - 1).get("after").asString();
    }
    return false;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private DeliveryStatus status(String id) {
    Delivery delivery = mongo.findById(id, Delivery.class);
    return delivery == null ? null : delivery.status();
  }

  private static String handle(String id) {
    return Deliveries.handle(id);
  }

  private JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }
}
