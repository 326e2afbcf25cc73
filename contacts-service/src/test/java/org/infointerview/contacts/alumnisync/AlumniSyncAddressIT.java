package org.infointerview.contacts.alumnisync;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alumni API's address against request forgery, with the installation's defaults (https at a
 * public address only): refused when saved, and again at every request, so that a name that
 * resolves inside the network later is still not called.
 */
@ServiceIT
class AlumniSyncAddressIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  @Value("${local.server.port}")
  int port;

  private final String admin = IDP.token("admin-" + UUID.randomUUID(), "admin");
  ApiClient api;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://127.0.0.1/alumni | loopback",
        "https://localhost:8443/alumni | loopback",
        "https://[::1]/alumni | loopback",
        "https://169.254.169.254/latest/meta-data/ | link-local",
        "https://10.20.30.40/alumni | private",
        "https://192.168.0.10/alumni | private",
        "https://[fd12:3456::1]/alumni | unique-local",
        "https://0.0.0.0/alumni | unspecified",
        "http://93.184.216.34/alumni | https",
        "https://user:pass@93.184.216.34/alumni | user name or password",
        "file:///etc/passwd | https"
      })
  void anAddressInsideTheNetworkIsRefusedWhenSavedAndNothingIsStored(String url, String reason) {
    Document before = mongo.findById("settings", Document.class, "alumni_sync");
    String baseBefore =
        before == null ? null : before.get("setup", Document.class).getString("baseUrl");

    HttpResponse<String> refused =
        api.send(
            "PUT",
            "/alumni-sync",
            admin,
            "{\"baseUrl\": \"" + url + "\", \"authentication\": \"NONE\"}",
            before == null
                ? Map.of()
                : Map.of("If-Match", "\"" + before.get("version", Number.class) + "\""));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonNode error = json.readTree(refused.body()).get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("baseUrl");
    assertThat(error.get("reason").asString()).contains(reason);
    Document after = mongo.findById("settings", Document.class, "alumni_sync");
    assertThat(after == null ? null : after.get("setup", Document.class).getString("baseUrl"))
        .isEqualTo(baseBefore);
  }

  @Test
  void aSavedAddressThatNowResolvesInsideTheNetworkIsNotCalled() {
    WireMockServer inside = new WireMockServer(options().dynamicPort());
    inside.start();
    try {
      inside.stubFor(get(anyUrl()).willReturn(okJson("{\"items\": [], \"nextCursor\": null}")));
      // As if an admin saved a public name that later resolved to this loopback server
      AlumniSyncFixtures.storeUnchecked(mongo, "https://localhost:" + inside.port() + "/alumni");
      AlumniSyncFixtures.awaitNoRun(mongo);

      HttpResponse<String> accepted = api.post("/alumni-sync/runs", admin, "");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      String id = json.readTree(accepted.body()).get("id").asString();
      JsonNode[] job = new JsonNode[1];
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                job[0] = json.readTree(api.get("/imports/" + id, admin).body());
                return List.of("FAILED", "COMPLETED").contains(job[0].get("status").asString());
              });

      assertThat(job[0].get("status").asString()).isEqualTo("FAILED");
      assertThat(job[0].get("failure").asString()).contains("loopback").contains("not allowed");
      inside.verify(0, anyRequestedFor(anyUrl()));
    } finally {
      inside.stop();
    }
  }
}
