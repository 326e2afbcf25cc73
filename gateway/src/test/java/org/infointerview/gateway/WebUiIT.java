package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.infointerview.gateway.Browser.location;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.infointerview.gateway.RecordingService.Request;
import org.infointerview.support.security.SecurityHeaders;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A web UI deployed behind the gateway ({@code WEB_UI_URI}): a browser signed in through the
 * gateway gets its pages at every address the gateway does not answer itself, under the pages'
 * content policy; the UI never sees the session cookie or a token; the gateway's own addresses stay
 * the gateway's; a UI that is down is a 503 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiIT {

  private static final String PAGE = "<!doctype html><title>InfoInterview</title>";

  private static RecordingService ui;
  private static RecordingService contacts;

  @Value("${local.server.port}")
  int port;

  private final Browser browser = new Browser();

  @DynamicPropertySource
  static void deployables(DynamicPropertyRegistry registry) {
    TestIdentityProvider.get();
    // The UI's server names a policy of its own, laxer than the gateway's.
    ui = RecordingService.start("text/html", PAGE, "Content-Security-Policy", "default-src *");
    contacts = RecordingService.start();
    registry.add("WEB_UI_URI", ui::uri);
    registry.add("CONTACTS_SERVICE_URI", contacts::uri);
  }

  @AfterAll
  static void stop() {
    ui.close();
    contacts.close();
  }

  @BeforeEach
  void forget() {
    ui.requests().clear();
    contacts.requests().clear();
  }

  @Test
  void aSignedInBrowserGetsTheUisPagesWithoutItsSessionOrTokenPassedOn() throws Exception {
    signIn();

    HttpResponse<String> home = browser.get(gateway("/"));
    HttpResponse<String> deepLink = browser.get(gateway("/plans/42?tab=notes&q=caf%C3%A9"));

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).isEqualTo(PAGE);
    assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html");
    assertThat(deepLink.body()).isEqualTo(PAGE);
    assertThat(ui.requests())
        .extracting(Request::method, Request::pathAndQuery)
        .containsExactly(tuple("GET", "/"), tuple("GET", "/plans/42?tab=notes&q=caf%C3%A9"));
    assertThat(ui.requests())
        .allSatisfy(
            request -> {
              assertThat(request.headers().get("Cookie")).as("the session cookie").isNull();
              assertThat(request.headers().get("Authorization")).as("a token").isNull();
            });

    String policy = home.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(home.headers().allValues("Content-Security-Policy"))
        .as("the gateway's policy, not the UI server's own")
        .containsExactly(policy);
    assertThat(policy)
        .startsWith("default-src 'self';")
        .as("the web UI's import map runs, no other inline script")
        .contains("script-src 'self' 'sha256-")
        .contains("frame-ancestors 'none'")
        .contains("object-src 'none'")
        .endsWith("form-action 'self' " + providerOrigin());
    assertThat(home.headers().firstValue("Strict-Transport-Security")).isPresent();
    assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");

    HttpResponse<String> api = browser.get(gateway("/api/contacts/contacts"));
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(contacts.lastAuthorization())
        .as("the API still gets the session's token")
        .startsWith("Bearer ey");
    assertThat(api.headers().firstValue("Content-Security-Policy"))
        .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
  }

  @Test
  void aHeadRequestReachesTheUiAsOne() throws Exception {
    signIn();

    HttpResponse<String> head =
        browser.send(
            HttpRequest.newBuilder(URI.create(gateway("/app.js")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(ui.requests()).extracting(Request::method).containsExactly("HEAD");
  }

  @Test
  void signedOutAPageLeadsToSignInAndBackToThatPage() throws Exception {
    HttpResponse<String> page = browser.get(gateway("/plans/42"));

    assertThat(location(page)).isEqualTo(gateway("/oauth2/authorization/infointerview"));
    assertThat(ui.requests()).as("nothing reaches the UI before sign-in").isEmpty();

    assertThat(location(signIn())).isEqualTo(gateway("/plans/42?continue"));
    assertThat(browser.get(gateway("/plans/42?continue")).body()).isEqualTo(PAGE);
  }

  @Test
  void theAnswerPageAndTheFilesPagesLoadOpenWithoutSignInAndNoOtherPage() throws Exception {
    for (String open : List.of("/answer", "/ui/app.js", "/webjars/lit/index.js")) {
      HttpResponse<String> response = browser.get(gateway(open));
      assertThat(response.statusCode()).as(open).isEqualTo(200);
      assertThat(response.body()).as(open).isEqualTo(PAGE);
    }
    assertThat(ui.requests())
        .extracting(Request::pathAndQuery)
        .containsExactly("/answer", "/ui/app.js", "/webjars/lit/index.js");

    for (String closed : List.of("/", "/requests", "/answer/more", "/answers", "/uix")) {
      assertThat(location(browser.get(gateway(closed))))
          .as(closed)
          .isEqualTo(gateway("/oauth2/authorization/infointerview"));
    }
    assertThat(browser.postJson(gateway("/answer"), null).statusCode())
        .as("a write to the page's address")
        .isEqualTo(403);
    assertThat(ui.requests()).hasSize(3);
  }

  @Test
  void anApiClientGetsPagesWithoutItsTokenPassedOn() throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(gateway("/plans")))
                    .header("Authorization", "Bearer " + TestIdentityProvider.get().token("ada"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).isEqualTo(PAGE);
    assertThat(ui.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.headers().get("Authorization")).isNull());
  }

  @Test
  void theGatewaysOwnAddressesStayTheGateways() throws Exception {
    signIn();

    assertThat(location(browser.get(gateway("/docs")))).contains("swagger-ui");
    for (String own :
        List.of(
            "/docs/swagger-ui/index.html",
            "/swagger-ui/index.html",
            "/v3/api-docs/swagger-config",
            "/actuator/health",
            "/readyz",
            "/api/contacts/contacts",
            "/api/nowhere",
            "/fallback/contacts-service",
            "/login",
            "/logout",
            "/error",
            "/oauth2/authorization/infointerview")) {
      assertThat(browser.get(gateway(own)).body()).as(own).isNotEqualTo(PAGE);
    }
    HttpResponse<String> write = browser.postJson(gateway("/plans"), browser.xsrfToken());
    assertThat(write.statusCode()).as("the UI serves pages, it takes no writes").isNotEqualTo(200);

    assertThat(ui.requests()).isEmpty();
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void aUiThatIsDownIsA503Problem() throws Exception {
    signIn();
    ui.close();

    HttpResponse<String> page = browser.get(gateway("/plans"));

    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(page.body()).contains("\"service\":\"web-ui\"").contains("\"instance\":\"/plans\"");
  }

  /** Signs the browser in; the answer that ends the sign-in. */
  private HttpResponse<String> signIn() throws Exception {
    TestIdentityProvider.get().nextSignInAs("ada", "student");
    String authorize = location(browser.get(gateway("/oauth2/authorization/infointerview")));
    HttpResponse<String> signedIn = browser.get(location(browser.get(authorize)));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    return signedIn;
  }

  private static String providerOrigin() {
    URI issuer = URI.create(TestIdentityProvider.get().issuerUri());
    return issuer.getScheme() + "://" + issuer.getHost() + ":" + issuer.getPort();
  }

  private String gateway(String path) {
    return "http://localhost:" + port + path;
  }
}
