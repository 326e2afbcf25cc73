package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.infointerview.testinfra.KeycloakServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production realm that docker-compose.yml imports, in a real Keycloak with the environment
 * compose gives it: the client secrets and addresses come from the placeholders, so the
 * notifications client gets a token with the secret from the environment and none with the demo
 * one, and the realm has no people to sign in as.
 */
class KeycloakProductionRealmIT {

  private static final Path REALM =
      Path.of("..", "deploy", "keycloak", "production", "infointerview-realm.json");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void theRealmTakesItsSecretsFromTheEnvironment() throws Exception {
    String secret = "env-secret-" + System.nanoTime();
    try (KeycloakServer keycloak =
        KeycloakServer.start(
            Files.readString(REALM),
            Map.of(
                "PUBLIC_URL",
                "https://careers.example.edu",
                "GATEWAY_OIDC_CLIENT_SECRET",
                "gateway-" + secret,
                "NOTIFICATIONS_CLIENT_SECRET",
                secret))) {
      String tokens = keycloak.issuerUri("infointerview") + "/protocol/openid-connect/token";

      HttpResponse<String> granted =
          clientCredentials(tokens, "infointerview-notifications", secret);
      HttpResponse<String> demo =
          clientCredentials(
              tokens, "infointerview-notifications", "change-me-notifications-secret");
      HttpResponse<String> password =
          post(
              tokens,
              "grant_type=password&client_id=infointerview-cli&username=admin&password=admin");

      assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
      String token = JSON.readTree(granted.body()).get("access_token").asString();
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
      assertThat(claims.get("aud").toString()).contains("infointerview");
      assertThat(demo.statusCode()).isEqualTo(401);
      assertThat(password.statusCode())
          .as("no command-line client and no demo people")
          .isIn(400, 401);
    }
  }

  private static HttpResponse<String> clientCredentials(String uri, String client, String secret)
      throws Exception {
    return post(
        uri,
        "grant_type=client_credentials&client_id="
            + client
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> post(String uri, String form) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
