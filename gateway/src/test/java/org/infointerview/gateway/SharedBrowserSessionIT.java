package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infointerview.gateway.Browser.location;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.InfrastructureInitializer;
import org.infointerview.testinfra.RedisServer;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances sharing one Redis ({@code GATEWAY_REDIS_URI}), as behind a load balancer
 * without session affinity: a browser starts signing in on one instance and comes back to the
 * other, uses its session on either, and signing out on one ends it on both. The sessions are in
 * Redis under the gateway's namespace, and gone from it once signed out. Without Redis, bearer
 * tokens still pass and a signed-in browser gets a 503 problem that says to try again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedBrowserSessionIT {

  private static final String SESSIONS = "infointerview:gateway:session:sessions:*";
  private static final List<ConfigurableApplicationContext> GATEWAYS = new ArrayList<>();
  private static RedisServer redis;
  private static RecordingService service;
  private static RedisClient redisClient;
  private static StatefulRedisConnection<String, String> store;
  private static int first;
  private static int second;

  private final Browser browser = new Browser();

  @BeforeAll
  static void start() {
    TestIdentityProvider.get();
    redis = RedisServer.start();
    service = RecordingService.start();
    first = startGateway();
    second = startGateway();
    redisClient = RedisClient.create(redis.uri());
    store = redisClient.connect();
  }

  private static int startGateway() {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(GatewayApplication.class)
            .initializers(new InfrastructureInitializer())
            .run(
                "--server.port=0",
                "--management.server.port=0",
                "--CONTACTS_SERVICE_URI=" + service.uri(),
                "--infointerview.gateway.redis-uri=" + redis.uri());
    GATEWAYS.add(context);
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    store.close();
    redisClient.shutdown();
    GATEWAYS.forEach(ConfigurableApplicationContext::close);
    service.close();
    redis.stop();
  }

  @Test
  @Order(1)
  void aBrowserSignedInOnOneInstanceIsSignedInOnEveryInstanceUntilItSignsOut() throws Exception {
    int before = store.sync().keys(SESSIONS).size();

    String authorize = location(get(on(first, "/oauth2/authorization/infointerview")));
    String callback = location(get(authorize));
    // The load balancer sends the provider's redirect back to the other instance.
    String onSecond = callback.replace(":" + first + "/", ":" + second + "/");
    HttpResponse<String> signedIn = get(onSecond);

    assertThat(location(signedIn))
        .as("the sign-in begun on the first instance completes on the second")
        .isEqualTo(on(second, "/"));
    assertThat(signedIn.headers().allValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith("INFOINTERVIEW_SESSION="))
        .singleElement()
        .satisfies(c -> assertThat(c).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    assertThat(store.sync().keys(SESSIONS)).as("the session is in Redis").hasSize(before + 1);

    assertThat(get(on(first, "/api/contacts/contacts")).statusCode()).isEqualTo(200);
    String relayedByFirst = service.lastAuthorization();
    assertThat(get(on(second, "/api/contacts/contacts")).statusCode()).isEqualTo(200);
    assertThat(relayedByFirst).startsWith("Bearer ey");
    assertThat(service.lastAuthorization())
        .as("both instances relay the token of the one session")
        .isEqualTo(relayedByFirst);

    HttpResponse<String> signOut = browser.postJson(on(second, "/logout"), browser.xsrfToken());
    assertThat(location(signOut)).startsWith(TestIdentityProvider.get().issuerUri());

    assertThat(get(on(first, "/api/contacts/contacts")).statusCode())
        .as("signed out on the second instance, the first no longer knows the session")
        .isEqualTo(401);
    assertThat(store.sync().keys(SESSIONS)).as("and Redis no longer holds it").hasSize(before);
  }

  @Test
  @Order(2)
  void anApiCallWithoutCredentialsLeavesNoSessionBehind() throws Exception {
    int before = store.sync().keys(SESSIONS).size();

    HttpResponse<String> refused = get(on(first, "/api/contacts/contacts"));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("INFOINTERVIEW_SESSION="));
    assertThat(store.sync().keys(SESSIONS)).hasSize(before);
  }

  @Test
  @Order(3)
  void whileRedisIsDownApiClientsAreServedAndBrowsersAreToldToTryAgain() throws Exception {
    String authorize = location(get(on(first, "/oauth2/authorization/infointerview")));
    assertThat(location(get(location(get(authorize))))).isEqualTo(on(first, "/"));
    redis.stop();

    HttpResponse<String> api =
        new ApiClient(first)
            .get("/api/contacts/contacts", TestIdentityProvider.get().token("s-9", "student"));
    HttpResponse<String> page = get(on(first, "/api/contacts/contacts"));

    assertThat(api.statusCode()).as("a bearer token needs no session").isEqualTo(200);
    assertThat(page.statusCode()).as("a browser's session cannot be read").isEqualTo(503);
    assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
    assertThat(page.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(page.body())
        .contains("session store does not answer")
        .contains("\"instance\":\"/api/contacts/contacts\"");
  }

  private static String on(int port, String path) {
    return "http://localhost:" + port + path;
  }

  private HttpResponse<String> get(String uri) throws Exception {
    return browser.get(uri);
  }
}
