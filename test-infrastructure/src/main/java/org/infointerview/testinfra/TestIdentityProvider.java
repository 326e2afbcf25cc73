package org.infointerview.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OIDC provider for tests (mock-oauth2-server): discovery document, JWKS, and RS256 tokens
 * signed with its key, so services validate them exactly as in production. One per test JVM.
 */
public final class TestIdentityProvider {

  /** The issuer id, the last path segment of the issuer URI. */
  public static final String ISSUER_ID = "infointerview";

  /** The audience every service requires. */
  public static final String AUDIENCE = "infointerview";

  private static volatile TestIdentityProvider instance;

  private final MockOAuth2Server server;

  private TestIdentityProvider(MockOAuth2Server server) {
    this.server = server;
  }

  /** The provider of this JVM, started on first use. */
  public static TestIdentityProvider get() {
    TestIdentityProvider local = instance;
    if (local == null) {
      synchronized (TestIdentityProvider.class) {
        local = instance;
        if (local == null) {
          MockOAuth2Server server = new MockOAuth2Server();
          server.start();
          Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "oidc-shutdown"));
          local = new TestIdentityProvider(server);
          local.warmUp();
          instance = local;
        }
      }
    }
    return local;
  }

  /** Where the signing keys are published. */
  public String jwkSetUri() {
    return server.jwksUrl(ISSUER_ID).toString();
  }

  /**
   * Serves discovery and keys once, so the first validation in a busy test JVM does not wait for
   * the provider's own start-up.
   */
  private void warmUp() {
    HttpClient http = HttpClient.newHttpClient();
    for (String uri : List.of(issuerUri() + "/.well-known/openid-configuration", jwkSetUri())) {
      try {
        http.send(
            HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        throw new UncheckedIOException("The test OIDC provider does not answer at " + uri, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public String issuerUri() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  /** A user's identity as services spell it: {@code issuer|subject}. */
  public String userId(String subject) {
    return issuerUri() + "|" + subject;
  }

  /**
   * A signed access token for a person with the given roles (as a {@code roles} claim, the way
   * Entra ID sends them).
   */
  public String token(String subject, String... roles) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("roles", List.of(roles));
    claims.put("name", "Test " + subject);
    claims.put("email", subject + "@example.edu");
    return server.issueToken(ISSUER_ID, subject, AUDIENCE, claims, 3600).serialize();
  }

  /**
   * The next sign-in at the provider (its next answer at the token endpoint, as to a browser's
   * authorization code) is this person's, with these roles, and its access token is for the
   * services' audience as a university's provider would issue it; otherwise each sign-in is a new
   * random person whose access token names only the gateway's client.
   */
  public void nextSignInAs(String subject, String... roles) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("roles", List.of(roles));
    claims.put("name", "Test " + subject);
    server.enqueueCallback(
        new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(AUDIENCE), claims, 3600));
  }

  /**
   * A service's own access token (client credentials): no person, no roles, the client's id as
   * subject and these scopes.
   */
  public String serviceToken(String clientId, String... scopes) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("scope", String.join(" ", scopes));
    claims.put("client_id", clientId);
    return server.issueToken(ISSUER_ID, clientId, AUDIENCE, claims, 3600).serialize();
  }

  /** The token endpoint, where a service's client asks for its own token. */
  public String tokenUri() {
    return server.tokenEndpointUrl(ISSUER_ID).toString();
  }

  /** A signed token with exactly the given claims and audience. */
  public String token(String subject, String audience, Map<String, Object> claims) {
    return server.issueToken(ISSUER_ID, subject, audience, claims, 3600).serialize();
  }
}
