package org.infointerview.notifications.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
class PreferencesApiIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper jsonMapper;

  @Value("${local.server.port}")
  int port;

  @Test
  void aPersonWithoutPreferencesGetsTheDefaultsAndNothingIsStored() throws Exception {
    String subject = "s-" + UUID.randomUUID();
    HttpResponse<String> response = send("GET", IDP.token(subject, "student"), null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = jsonMapper.readTree(response.body());
    assertThat(body.get("emailReminders").asBoolean()).isTrue();
    assertThat(body.get("inAppReminders").asBoolean()).isTrue();
    assertThat(mongo.findById(IDP.userId(subject), NotificationPreferences.class)).isNull();
  }

  @Test
  void changedPreferencesAreStoredForThatPersonOnly() throws Exception {
    String subject = "s-" + UUID.randomUUID();
    HttpResponse<String> changed =
        send(
            "PUT",
            IDP.token(subject, "student"),
            "{\"emailReminders\": false, \"inAppReminders\": true, \"timeZone\": \"Europe/Paris\"}");

    assertThat(changed.statusCode()).isEqualTo(200);
    NotificationPreferences stored =
        mongo.findById(IDP.userId(subject), NotificationPreferences.class);
    assertThat(stored.emailReminders()).isFalse();
    assertThat(stored.timeZone()).isEqualTo("Europe/Paris");
    JsonNode someoneElse =
        jsonMapper.readTree(send("GET", IDP.token("other-" + subject, "student"), null).body());
    assertThat(someoneElse.get("emailReminders").asBoolean()).isTrue();
  }

  @Test
  void anUnknownTimeZoneOrAMissingChoiceIsRejectedAndNothingIsStored() throws Exception {
    String subject = "s-" + UUID.randomUUID();
    String token = IDP.token(subject, "student");

    HttpResponse<String> zone =
        send(
            "PUT",
            token,
            "{\"emailReminders\": true, \"inAppReminders\": true, \"timeZone\": \"Nowhere/Land\"}");
    HttpResponse<String> missing = send("PUT", token, "{\"inAppReminders\": true}");

    assertThat(zone.statusCode()).isEqualTo(400);
    assertThat(jsonMapper.readTree(zone.body()).get("errors").get(0).get("field").asString())
        .isEqualTo("timeZone");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(jsonMapper.readTree(missing.body()).get("errors").get(0).get("field").asString())
        .isEqualTo("emailReminders");
    assertThat(mongo.findById(IDP.userId(subject), NotificationPreferences.class)).isNull();
  }

  @Test
  void healthReportsTheStoreAndTheMailServer() throws Exception {
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> send(String method, String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/me/preferences"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
