package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.infointerview.gateway.Browser.location;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infointerview.support.security.Role;
import org.infointerview.support.security.RoleMapper;
import org.infointerview.support.security.SecurityProperties;
import org.infointerview.testinfra.ComposeFiles;
import org.infointerview.testinfra.KeycloakServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code docker compose up} sets up, checked against a real Keycloak: the realm it imports
 * ({@code deploy/keycloak/infointerview-realm.json}) and the gateway's settings from {@code
 * docker-compose.yml}, with only the addresses moved to this test's ports. Each demo person signs
 * in through Keycloak's own login page and reaches a service with the right role; signing out ends
 * the Keycloak session too; a token of the realm's command-line client passes the checks every
 * service makes, and a token of the same realm for another client does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class KeycloakSignInIT {

  private static final Path ROOT = Path.of("..");
  private static final String REALM = "infointerview";
  private static final int PORT = freePort();
  private static final Pattern LOGIN_FORM =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static KeycloakServer keycloak;

  private static final String PRODUCTION = "infointerview-production";
  private static final String PRODUCTION_SECRET = "env-secret-" + System.nanoTime();
  private static RecordingService service;

  @DynamicPropertySource
  static void composeSettingsAgainstKeycloak(DynamicPropertyRegistry registry) throws IOException {
    // Access tokens of 30 s: within the gateway's 60 s margin, so each relayed call refreshes
    // the token at Keycloak, as every call does five minutes into a session with the file's 300.
    String realm =
        Files.readString(ROOT.resolve("deploy/keycloak/infointerview-realm.json"))
            .replace("http://localhost:8080", gateway(""))
            .replace("\"accessTokenLifespan\": 300", "\"accessTokenLifespan\": 30");
    assertThat(realm).contains("\"accessTokenLifespan\": 30,");
    // The real host's realm beside it under a name of its own, its secrets from the environment
    // as compose gives them.
    String production =
        Files.readString(ROOT.resolve("deploy/keycloak/production/infointerview-realm.json"))
            .replace("\"realm\": \"infointerview\"", "\"realm\": \"" + PRODUCTION + "\"");
    assertThat(production).contains("\"realm\": \"" + PRODUCTION + "\"");
    keycloak =
        KeycloakServer.start(
            List.of(realm, production),
            Map.of(
                "PUBLIC_URL",
                "https://careers.example.edu",
                "GATEWAY_OIDC_CLIENT_SECRET",
                "gateway-" + PRODUCTION_SECRET,
                "NOTIFICATIONS_CLIENT_SECRET",
                PRODUCTION_SECRET));
    service = RecordingService.start();
    String serviceUri = service.uri();

    Map<String, String> compose = composeGatewayEnvironment();
    compose.forEach(
        (name, value) -> {
          String moved =
              value
                  .replace("http://localhost:8180", keycloak.baseUri())
                  .replace("http://keycloak:8080", keycloak.baseUri())
                  .replace("http://localhost:8080", gateway(""));
          registry.add(name, () -> moved);
        });
    registry.add("server.port", () -> PORT);
    registry.add("management.server.port", () -> 0);
    registry.add("PORT", () -> PORT);
    registry.add("CONTACTS_SERVICE_URI", () -> serviceUri);
    registry.add("INTERVIEWS_SERVICE_URI", () -> serviceUri);
    registry.add("NOTIFICATIONS_SERVICE_URI", () -> serviceUri);
    // Rate limits and sessions in memory: the shared ones have tests of their own.
    registry.add("GATEWAY_REDIS_URI", () -> "");
  }

  @AfterAll
  static void stop() {
    service.close();
    keycloak.close();
  }

  @ParameterizedTest
  @CsvSource({
    "student, STUDENT, America/Chicago",
    "alumnus, ALUMNUS, America/New_York",
    "advisor, ADVISOR, America/Chicago",
    "admin, ADMIN, UTC"
  })
  void eachDemoPersonSignsInAtKeycloakAndReachesTheServicesWithTheirRole(
      String username, Role role, String timeZone) throws Exception {
    Browser browser = new Browser();
    signIn(browser, username);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(service.paths())
                    .as("the profile is provisioned at sign-in")
                    .contains("/me"));

    HttpResponse<String> read = browser.get(gateway("/api/contacts/contacts"));

    assertThat(read.statusCode()).isEqualTo(200);
    String relayed = service.lastAuthorization();
    assertThat(relayed).startsWith("Bearer ");
    Map<String, Object> claims = claims(relayed.substring(7));
    assertThat(claims.get("iss")).isEqualTo(keycloak.issuerUri(REALM));
    assertThat(String.valueOf(claims.get("aud"))).contains("infointerview");
    assertThat((String) claims.get("sub")).as("the person's id at Keycloak").isNotBlank();
    assertThat((String) claims.get("email")).matches(".+@example\\.(edu|org)");
    assertThat((String) claims.get("name")).isNotBlank();
    assertThat(claims.get("zoneinfo"))
        .as("the time zone their profile and reminders use, as in the local run")
        .isEqualTo(timeZone);
    assertThat(new RoleMapper(defaultSecurityProperties()).roles(claims))
        .as("the role the services read from Keycloak's realm_access.roles")
        .containsExactly(role);
    if (role == Role.STUDENT) {
      assertThat(String.valueOf(claims.get("class_year")))
          .as("the student's studies, as the dev provider sends them")
          .isEqualTo("2027");
      assertThat(claims.get("major")).isEqualTo("Biology");
      assertThat(claims.get("program")).isEqualTo("College of Arts and Sciences");
    } else {
      assertThat(claims).doesNotContainKey("class_year");
    }
    assertThat(read.body()).doesNotContain(relayed.substring(7));
  }

  @Test
  void signingOutEndsTheSessionAtTheGatewayAndAtKeycloak() throws Exception {
    Browser browser = new Browser();
    signIn(browser, "student");

    HttpResponse<String> signOut = browser.postJson(gateway("/logout"), browser.xsrfToken());
    String endSession = location(signOut);
    assertThat(endSession)
        .startsWith(keycloak.issuerUri(REALM) + "/protocol/openid-connect/logout")
        .contains("id_token_hint=");
    HttpResponse<String> back = browser.get(endSession);
    assertThat(location(back))
        .as("Keycloak accepts the gateway's address to return to after signing out")
        .isEqualTo(gateway("/"));

    assertThat(browser.get(gateway("/api/contacts/contacts")).statusCode()).isEqualTo(401);
    HttpResponse<String> again =
        browser.get(location(browser.get(gateway("/oauth2/authorization/infointerview"))));
    assertThat(again.statusCode())
        .as("Keycloak asks for the password again instead of signing the browser straight back in")
        .isEqualTo(200);
    assertThat(again.body()).containsPattern(LOGIN_FORM);
  }

  @Test
  void theTokenIsRefreshedAtKeycloakAndASignOutThereEndsTheSessionHere() throws Exception {
    Browser browser = new Browser();
    signIn(browser, "student");
    assertThat(browser.get(gateway("/api/contacts/contacts")).statusCode()).isEqualTo(200);
    String first = service.lastAuthorization().substring(7);
    assertThat(browser.get(gateway("/api/contacts/contacts")).statusCode()).isEqualTo(200);
    String refreshed = service.lastAuthorization().substring(7);
    assertThat(refreshed).as("a new access token from Keycloak").isNotEqualTo(first);
    assertThat(claims(refreshed).get("sub")).isEqualTo(claims(first).get("sub"));
    assertThat(String.valueOf(claims(refreshed).get("realm_access"))).contains("student");

    // The person signs out at Keycloak itself (its own page, in another tab).
    HttpResponse<String> confirm =
        browser.get(keycloak.issuerUri(REALM) + "/protocol/openid-connect/logout");
    assertThat(browser.submitFirstForm(confirm).statusCode()).isEqualTo(200);
    int seen = service.authorizations().size();

    HttpResponse<String> api = browser.get(gateway("/api/contacts/contacts"));

    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(api.body()).contains("sign-in at the university's identity provider has ended");
    assertThat(service.authorizations()).as("nothing reached the service").hasSize(seen);
    assertThat(browser.get(gateway("/api/contacts/contacts")).statusCode())
        .as("the gateway's session ended too")
        .isEqualTo(401);
    assertThat(location(browser.get(gateway("/"))))
        .isEqualTo(gateway("/oauth2/authorization/infointerview"));
  }

  @Test
  void theCommandLineClientsTokenPassesTheChecksEveryServiceMakes() throws Exception {
    String token = passwordGrant("infointerview-cli", "advisor");

    HttpResponse<String> read = bearer(gateway("/api/interviews/interviews"), token);

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(service.lastAuthorization()).isEqualTo("Bearer " + token);
    assertThat(service.paths().get(service.paths().size() - 1)).isEqualTo("/interviews");
  }

  @Test
  void aTokenOfTheSameRealmForAnotherClientIsRefused() throws Exception {
    // Every realm has admin-cli, with password sign-in; its tokens are not for this API.
    String token = passwordGrant("admin-cli", "admin");
    assertThat(claims(token).get("iss")).isEqualTo(keycloak.issuerUri(REALM));
    int seen = service.authorizations().size();

    HttpResponse<String> read = bearer(gateway("/api/contacts/contacts"), token);

    assertThat(read.statusCode()).isEqualTo(401);
    assertThat(read.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(header -> assertThat(header).contains("invalid_token"));
    assertThat(service.authorizations()).as("nothing reached the service").hasSize(seen);
  }

  @Test
  void notificationsServicesOwnClientGetsATokenForContactsServicesInternalApi() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(keycloak.issuerUri(REALM) + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            Browser.form(
                                Map.of(
                                    "grant_type", "client_credentials",
                                    "client_id", "infointerview-notifications",
                                    "client_secret", "change-me-notifications-secret"))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, Object> claims =
        claims((String) JSON.readValue(response.body(), Map.class).get("access_token"));

    assertThat(claims.get("iss")).isEqualTo(keycloak.issuerUri(REALM));
    assertThat(String.valueOf(claims.get("aud"))).contains("infointerview");
    // the scope contacts-service's /internal API asks for, where every service reads it
    assertThat(claims.get("scp")).isEqualTo("infointerview.contact-mail");
    assertThat(String.valueOf(claims.get("realm_access")))
        .doesNotContain("student")
        .doesNotContain("admin");
  }

  /** Keycloak's login page, filled in and sent, as a person does. */
  private static void signIn(Browser browser, String username) throws Exception {
    HttpResponse<String> toKeycloak = browser.get(gateway("/oauth2/authorization/infointerview"));
    String authorize = location(toKeycloak);
    assertThat(authorize)
        .startsWith(keycloak.issuerUri(REALM) + "/protocol/openid-connect/auth")
        .contains("code_challenge_method=S256");
    HttpResponse<String> page = browser.get(authorize);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    Matcher form = LOGIN_FORM.matcher(page.body());
    assertThat(form.find()).as("Keycloak's login form").isTrue();
    Matcher action = ACTION.matcher(form.group());
    assertThat(action.find()).isTrue();

    HttpResponse<String> signedIn =
        browser.postForm(
            Browser.unescape(action.group(1)),
            Map.of("username", username, "password", username, "credentialId", ""));
    String callback = location(signedIn);
    assertThat(callback).startsWith(gateway("/login/oauth2/code/infointerview"));
    HttpResponse<String> landed = browser.get(callback);
    assertThat(landed.statusCode()).isEqualTo(302);
    assertThat(browser.hasCookie("INFOINTERVIEW_SESSION")).isTrue();
  }

  private static String passwordGrant(String client, String username) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(keycloak.issuerUri(REALM) + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            Browser.form(
                                Map.of(
                                    "grant_type", "password",
                                    "client_id", client,
                                    "username", username,
                                    "password", username,
                                    "scope", "openid"))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return (String) JSON.readValue(response.body(), Map.class).get("access_token");
  }

  private static HttpResponse<String> bearer(String uri, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The real host's realm (deploy/keycloak/production) takes its client secrets from the
   * environment through Keycloak's placeholders: the notifications client gets a token with the
   * secret compose gives it and none with the demo one, and there is no command-line client or demo
   * person to sign in as.
   */
  @Test
  void theProductionRealmTakesItsSecretsFromTheEnvironment() throws Exception {
    String tokens = keycloak.issuerUri(PRODUCTION) + "/protocol/openid-connect/token";

    HttpResponse<String> granted =
        form(tokens, clientCredentials("infointerview-notifications", PRODUCTION_SECRET));
    HttpResponse<String> demo =
        form(
            tokens,
            clientCredentials("infointerview-notifications", "change-me-notifications-secret"));
    HttpResponse<String> password =
        form(
            tokens,
            "grant_type=password&client_id=infointerview-cli&username=admin&password=admin");

    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    Map<String, Object> claims =
        claims(JSON.readTree(granted.body()).get("access_token").asString());
    assertThat(String.valueOf(claims.get("aud"))).contains("infointerview");
    assertThat(demo.statusCode()).isEqualTo(401);
    assertThat(password.statusCode()).as("no command-line client, no demo people").isIn(400, 401);
  }

  private static String clientCredentials(String client, String secret) {
    return "grant_type=client_credentials&client_id="
        + client
        + "&client_secret="
        + java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> form(String uri, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> claims(String jwt) {
    return JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), Map.class);
  }

  private static SecurityProperties defaultSecurityProperties() {
    return Binder.get(new StandardEnvironment())
        .bindOrCreate("infointerview.security", SecurityProperties.class);
  }

  /** The gateway's settings in the compose demo (docker-compose.yml under the demo file). */
  private static Map<String, String> composeGatewayEnvironment() {
    return ComposeFiles.environment(
        ComposeFiles.services(
                ROOT.resolve("deploy/demo.env"),
                ROOT.resolve("docker-compose.yml"),
                ROOT.resolve("docker-compose.demo.yml"))
            .get("gateway"));
  }

  private static String gateway(String path) {
    return "http://localhost:" + PORT + path;
  }

  /**
   * A free port below Linux's ephemeral range (32768 and up): it stays free while Keycloak starts,
   * where a port the system handed out could be given again to one of Keycloak's own connections
   * before the gateway binds it (seen once: "Port 40987 is already in use").
   */
  private static int freePort() {
    int start = 20_000 + new java.util.Random().nextInt(10_000);
    for (int port = start; port < 32_000; port++) {
      try (ServerSocket socket = new ServerSocket(port)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // the next one
      }
    }
    throw new IllegalStateException("no free port between " + start + " and 32000");
  }
}
