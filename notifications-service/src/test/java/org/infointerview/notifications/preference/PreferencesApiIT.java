package org.infointerview.notifications.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIT
class PreferencesApiIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper jsonMapper;

  @LocalManagementPort int managementPort;

  ApiClient api;

  @Test
  void aPersonWithoutPreferencesGetsTheDefaultsAndNothingIsStored() throws Exception {
    String subject = "s-" + UUID.randomUUID();
    HttpResponse<String> response = send("GET", IDP.token(subject, "student"), null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = jsonMapper.readTree(response.body());
    assertThat(body.get("emailReminders").asBoolean()).isTrue();
    assertThat(body.get("inAppReminders").asBoolean()).isTrue();
    assertThat(body.get("language").asString()).isEqualTo("en");
    assertThat(mongo.findById(IDP.userId(subject), NotificationPreferences.class)).isNull();
  }

  @Test
  void changedPreferencesAreStoredForThatPersonOnly() throws Exception {
    String subject = "s-" + UUID.randomUUID();
    HttpResponse<String> changed =
        send(
            "PUT",
            IDP.token(subject, "student"),
            "{\"emailReminders\": false, \"inAppReminders\": true, \"timeZone\": \"Europe/Paris\","
                + " \"language\": \"es\"}");

    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(jsonMapper.readTree(changed.body()).get("language").asString()).isEqualTo("es");
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
    HttpResponse<String> language =
        send(
            "PUT",
            token,
            "{\"emailReminders\": true, \"inAppReminders\": true, \"language\": \"fr\"}");

    assertThat(zone.statusCode()).isEqualTo(400);
    assertThat(jsonMapper.readTree(zone.body()).get("errors").get(0).get("field").asString())
        .isEqualTo("timeZone");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(jsonMapper.readTree(missing.body()).get("errors").get(0).get("field").asString())
        .isEqualTo("emailReminders");
    assertThat(language.statusCode()).isEqualTo(400);
    assertThat(language.body()).contains("language").contains("must be en or es");
    assertThat(mongo.findById(IDP.userId(subject), NotificationPreferences.class)).isNull();
  }

  @Test
  void healthReportsTheStoreAndTheMailServer() throws Exception {
    HttpResponse<String> ready = api.get("/readyz", null);
    JsonNode health =
        jsonMapper.readTree(new ApiClient(managementPort).get("/actuator/health", null).body());

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
    assertThat(health.get("components").get("mail").get("status").asString()).isEqualTo("UP");
  }

  private HttpResponse<String> send(String method, String token, String body) {
    return api.send(method, "/me/preferences", token, body, Map.of());
  }
}
