package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.infointerview.gateway.Browser.location;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A browser's visit, step by step with its cookies, against a real OIDC provider: sign-in with
 * PKCE, a session cookie that is HttpOnly and SameSite, the access token relayed to the service and
 * never shown to the browser, CSRF protection on writes, and sign-out at the provider.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
@ExtendWith(OutputCaptureExtension.class)
class BrowserSignInIT {

  private static RecordingService service;

  @Value("${local.server.port}")
  int port;

  private final Browser browser = new Browser();

  @DynamicPropertySource
  static void contactsService(DynamicPropertyRegistry registry) {
    TestIdentityProvider.get();
    service = RecordingService.start();
    registry.add("CONTACTS_SERVICE_URI", service::uri);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void aBrowserSignsInUsesTheApiThroughItsSessionAndSignsOut() throws Exception {
    HttpResponse<String> toProvider = get(gateway("/oauth2/authorization/infointerview"));
    String authorize = location(toProvider);
    assertThat(authorize)
        .startsWith(TestIdentityProvider.get().issuerUri() + "/authorize")
        .contains("code_challenge=")
        .contains("code_challenge_method=S256");

    String callback = location(get(authorize));
    assertThat(callback).startsWith(gateway("/login/oauth2/code/infointerview"));
    HttpResponse<String> signedIn = get(callback);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    String sessionCookie =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("INFOINTERVIEW_SESSION="))
            .findFirst()
            .orElseThrow();
    assertThat(sessionCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(service.paths())
                    .as("the profile is provisioned at sign-in")
                    .contains("/me"));
    assertThat(location(signedIn)).isEqualTo(gateway("/"));
    assertThat(location(get(gateway("/"))))
        .as("signed in, the bare address leads to the API documentation")
        .isEqualTo(gateway("/docs"));
    assertThat(service.authorizations().get(service.paths().indexOf("/me")))
        .startsWith("Bearer ey");

    HttpResponse<String> read = get(gateway("/api/contacts/contacts"));
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("X-RateLimit-Remaining"))
        .as("counted as the person (300 a minute), not by the address (60)")
        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isGreaterThan(60));
    String relayed = service.lastAuthorization();
    assertThat(relayed).startsWith("Bearer ey");
    assertThat(read.body()).doesNotContain(relayed.substring(7));
    assertThat(read.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.contains(relayed.substring(7)));

    HttpResponse<String> forged = browser.postJson(gateway("/api/contacts/contacts"), null);
    assertThat(forged.statusCode()).as("a write without the CSRF token").isEqualTo(403);
    int seen = service.authorizations().size();
    HttpResponse<String> write =
        browser.postJson(gateway("/api/contacts/contacts"), browser.xsrfToken());
    assertThat(write.statusCode()).isEqualTo(200);
    assertThat(service.authorizations()).hasSize(seen + 1);

    HttpResponse<String> signOut = browser.postJson(gateway("/logout"), browser.xsrfToken());
    assertThat(location(signOut))
        .startsWith(TestIdentityProvider.get().issuerUri() + "/endsession")
        .contains("id_token_hint=");
    assertThat(get(gateway("/api/contacts/contacts")).statusCode()).isEqualTo(401);
  }

  @Test
  void signInDoesNotWaitForContactsServiceToProvisionTheProfile(CapturedOutput output)
      throws Exception {
    service.holdProfile();
    try {
      Browser browser = new Browser();
      int asked = service.paths().size();
      TestIdentityProvider.get().nextSignInAs("hold-" + port, "student");

      signIn(browser);

      assertThat(output.getAll())
          .as("signed in while contacts-service still holds /me: the sign-in did not wait for it")
          .doesNotContain("Profile not provisioned at sign-in");
      service.answerProfile();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> service.paths().subList(asked, service.paths().size()).contains("/me"));
    } finally {
      service.answerProfile();
    }
  }

  @Test
  void eachBrowserOfOnePersonRelaysTheTokenOfItsOwnSession() throws Exception {
    Browser laptop = new Browser();
    Browser phone = new Browser();

    TestIdentityProvider.get().nextSignInAs("ada", "student");
    signIn(laptop);
    String laptopToken = relayedFor(laptop);
    TestIdentityProvider.get().nextSignInAs("ada", "student");
    signIn(phone);
    String phoneToken = relayedFor(phone);

    assertThat(phoneToken).startsWith("Bearer ey").isNotEqualTo(laptopToken);
    assertThat(relayedFor(laptop))
        .as("the laptop's session keeps its own token after the same person signs in elsewhere")
        .isEqualTo(laptopToken);
    assertThat(relayedFor(phone)).isEqualTo(phoneToken);
  }

  @Test
  void aSignInTheProviderRefusedSaysSoAndOffersToSignInAgain() throws Exception {
    String authorize = location(get(gateway("/oauth2/authorization/infointerview")));
    String state =
        UriComponentsBuilder.fromUriString(authorize).build().getQueryParams().getFirst("state");

    HttpResponse<String> refused =
        get(gateway("/login/oauth2/code/infointerview?error=access_denied&state=" + state));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(refused.body())
        .contains("Sign-in did not complete")
        .contains("cancelled")
        .contains("href=\"/oauth2/authorization/infointerview\"");
    assertThat(get(gateway("/api/contacts/contacts")).statusCode()).isEqualTo(401);
  }

  @Test
  void aSignInReturnWithoutItsStartShowsNothingFromTheAddress() throws Exception {
    HttpResponse<String> stray =
        get(
            gateway(
                "/login/oauth2/code/infointerview?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E"
                    + "&error_description=Call+555-0100&state=made-up"));

    assertThat(stray.statusCode()).isEqualTo(401);
    assertThat(stray.body())
        .contains("started in another window or too long ago")
        .doesNotContain("script")
        .doesNotContain("555");
  }

  @Test
  void signedOutTheBareAddressLeadsToSignIn() throws Exception {
    assertThat(location(get(gateway("/"))))
        .isEqualTo(gateway("/oauth2/authorization/infointerview"));
  }

  @Test
  void anApiCallWithoutSessionOrTokenIs401NotARedirect() throws Exception {
    HttpResponse<String> response = get(gateway("/api/contacts/contacts"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("bearer token");
  }

  private void signIn(Browser someBrowser) throws Exception {
    String authorize = location(someBrowser.get(gateway("/oauth2/authorization/infointerview")));
    String callback = location(someBrowser.get(authorize));
    assertThat(someBrowser.get(callback).statusCode()).isEqualTo(302);
  }

  /** The Authorization header the service received for this browser's call. */
  private String relayedFor(Browser someBrowser) throws Exception {
    assertThat(someBrowser.get(gateway("/api/contacts/contacts")).statusCode()).isEqualTo(200);
    return service.lastAuthorization();
  }

  private String gateway(String path) {
    return "http://localhost:" + port + path;
  }

  private HttpResponse<String> get(String uri) throws Exception {
    return browser.get(uri);
  }
}
