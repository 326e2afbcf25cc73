package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Routes to real HTTP servers on loopback that record what reached them, one per service: the path
 * after the prefix is stripped, the token relayed, nothing without a valid token; answers come back
 * whole, event streams as they are written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
class GatewayRoutingIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final Map<String, Recorder> SERVICES = new ConcurrentHashMap<>();

  @Value("${local.server.port}")
  int port;

  @LocalManagementPort int managementPort;

  record Received(String path, String query, String authorization) {}

  static final class Recorder {
    final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final CountDownLatch firstEventArrived = new CountDownLatch(1);
    final List<Map<String, List<String>>> headersReceived = new CopyOnWriteArrayList<>();

    Recorder(String name) throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            received.add(
                new Received(
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            // Chunked, of unknown length up front, as a Spring MVC service writes its JSON.
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.createContext(
          "/headers",
          exchange -> {
            headersReceived.add(Map.copyOf(exchange.getRequestHeaders()));
            exchange.getResponseHeaders().add("Set-Cookie", "a=1; HttpOnly");
            exchange.getResponseHeaders().add("Set-Cookie", "b=2; HttpOnly");
            exchange.getResponseHeaders().add("Keep-Alive", "timeout=60");
            exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.createContext(
          "/gone",
          exchange -> {
            byte[] problem =
                ("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No contact 42.\","
                        + "\"instance\":\"/gone/42\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(404, problem.length);
            exchange.getResponseBody().write(problem);
            exchange.close();
          });
      answerWithLocation("/made", 201, "/things/9");
      answerWithLocation("/moved-away", 303, "https://careers.example.edu/things/9");
      server.createContext(
          "/events",
          exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream events = exchange.getResponseBody();
            events.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
            events.flush();
            boolean firstArrived;
            try {
              firstArrived = firstEventArrived.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              firstArrived = false;
            }
            events.write(
                ("data: " + (firstArrived ? "second" : "first was held back") + "\n\n")
                    .getBytes(StandardCharsets.UTF_8));
            exchange.close();
          });
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
    }

    private void answerWithLocation(String path, int status, String location) {
      server.createContext(
          path,
          exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
    }

    String uri() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }
  }

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) throws IOException {
    for (String service : List.of("contacts", "interviews", "notifications")) {
      Recorder recorder = new Recorder(service + "-service");
      SERVICES.put(service, recorder);
      registry.add(service.toUpperCase() + "_SERVICE_URI", recorder::uri);
    }
  }

  @AfterAll
  static void stopServices() {
    SERVICES.values().forEach(r -> r.server.stop(0));
  }

  @Test
  void eachServiceGetsItsPathWithoutThePrefixAndTheCallersToken() throws Exception {
    String token = IDP.token("student-1", "student");

    for (String service : List.of("contacts", "interviews", "notifications")) {
      HttpResponse<String> response = get("/api/" + service + "/things/42?size=5", token);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains(service + "-service");
      assertThat(SERVICES.get(service).received)
          .contains(new Received("/things/42", "size=5", "Bearer " + token));
    }
  }

  @Test
  void thePathAfterThePrefixReachesTheServiceAsItWasWritten() throws Exception {
    String token = IDP.token("student-1", "student");

    get("/api/contacts/search/Ana%20Lima/x?q=a%26b", token);
    get("/api/contacts", token);

    assertThat(SERVICES.get("contacts").received)
        .contains(
            new Received("/search/Ana%20Lima/x", "q=a&b", "Bearer " + token),
            new Received("/", null, "Bearer " + token));
  }

  @Test
  void aLocationTheServiceNamesLeadsBackThroughTheGateway() throws Exception {
    String token = IDP.token("student-1", "student");

    HttpResponse<String> made = get("/api/interviews/made", token);
    HttpResponse<String> movedAway = get("/api/interviews/moved-away", token);

    assertThat(made.statusCode()).isEqualTo(201);
    assertThat(made.headers().firstValue("Location")).hasValue("/api/interviews/things/9");
    assertThat(movedAway.statusCode()).isEqualTo(303);
    assertThat(movedAway.headers().firstValue("Location"))
        .hasValue("https://careers.example.edu/things/9");
  }

  @Test
  void aProblemNamesThePathTheClientAskedFor() throws Exception {
    String token = IDP.token("student-1", "student");

    HttpResponse<String> gone = get("/api/contacts/gone/42", token);

    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(gone.body())
        .isEqualTo(
            "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No contact 42.\","
                + "\"instance\":\"/api/contacts/gone/42\"}");
    assertThat(gone.headers().firstValue("Content-Length"))
        .hasValue(String.valueOf(gone.body().getBytes(StandardCharsets.UTF_8).length));
  }

  @Test
  void aJsonAnswerArrivesWholeWithItsLengthWhileAnEventStreamArrivesAsTheServiceWritesIt()
      throws Exception {
    String token = IDP.token("student-1", "student");

    HttpResponse<String> json = get("/api/contacts/things/7", token);

    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Length"))
        .hasValue(String.valueOf(json.body().getBytes(StandardCharsets.UTF_8).length));
    assertThat(json.headers().firstValue("Transfer-Encoding")).isEmpty();

    HttpResponse<Stream<String>> stream =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/notifications/events"))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = stream.body()) {
      Iterator<String> events = lines.filter(line -> !line.isEmpty()).iterator();
      assertThat(events.next()).isEqualTo("data: first");
      SERVICES.get("notifications").firstEventArrived.countDown();
      assertThat(events.next()).isEqualTo("data: second");
    }
  }

  @Test
  void headersPassWithAllTheirValuesButHopByHopOnesStop() throws Exception {
    String token = IDP.token("student-1", "student");

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/contacts/headers"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept-Language", "de")
                    .header("Accept-Language", "en;q=0.8")
                    .header("Proxy-Authorization", "Basic c2VjcmV0")
                    .header("X-Application-Context", "client")
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().allValues("Set-Cookie"))
        .containsExactly("a=1; HttpOnly", "b=2; HttpOnly");
    assertThat(response.headers().map().keySet())
        .noneMatch(name -> name.equalsIgnoreCase("Keep-Alive"))
        .noneMatch(name -> name.equalsIgnoreCase("Proxy-Authenticate"));
    Map<String, List<String>> received = SERVICES.get("contacts").headersReceived.get(0);
    assertThat(received.get("Accept-language")).containsExactly("de", "en;q=0.8");
    assertThat(received.get("Authorization")).containsExactly("Bearer " + token);
    assertThat(received).doesNotContainKeys("Proxy-authorization", "X-application-context");
  }

  @Test
  void withoutAValidTokenNothingReachesAService() throws Exception {
    int before = SERVICES.get("contacts").received.size();

    HttpResponse<String> none = get("/api/contacts/contacts", null);
    HttpResponse<String> forged = get("/api/contacts/contacts", IDP.token("s", "student") + "x");
    HttpResponse<String> nobody = get("/api/contacts/contacts", IDP.token(" ", "student"));

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(nobody.statusCode()).as("a signed token that names no subject").isEqualTo(401);
    assertThat(forged.body())
        .as("a problem that tells the caller to sign in again")
        .contains("\"status\":401")
        .contains("Sign in again")
        .contains("\"instance\":\"/api/contacts/contacts\"");
    assertThat(SERVICES.get("contacts").received).hasSize(before);
  }

  @Test
  void anAnswerLinkReachesInterviewsServiceWithoutSignInOrCsrfTokenAndNothingElseDoes()
      throws Exception {
    Recorder interviews = SERVICES.get("interviews");
    String token = "65c1a2b3c4d5e6f7a8b9c0d1.q3Jm0YtZkP8wVhXbN2cR7A.1766332800.sig";

    HttpResponse<String> read = get("/api/interviews/answers/" + token, null);
    HttpResponse<String> answered =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/interviews/answers/" + token))
                    .header("Content-Type", "application/json")
                    .header("Cookie", "XSRF-TOKEN=chosen-by-the-page")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"answer\": \"DECLINED\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    assertThat(interviews.received)
        .filteredOn(r -> r.path().equals("/answers/" + token))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.authorization()).isNull());
    assertThat(read.headers().allValues("Set-Cookie"))
        .as("no session for an answer")
        .noneMatch(c -> c.startsWith("INFOINTERVIEW_SESSION"));
    int before = interviews.received.size();
    for (String closed :
        List.of(
            "/api/interviews/answers",
            "/api/interviews/answers/" + token + "/more",
            "/api/interviews/interviews",
            "/api/interviews/me/requests")) {
      assertThat(get(closed, null).statusCode()).as(closed).isEqualTo(401);
    }
    assertThat(interviews.received).hasSize(before);
  }

  @Test
  void anUnsubscribeLinkAndACalendarFeedReachNotificationsServiceWithoutSignInAndNothingElseDoes()
      throws Exception {
    Recorder notifications = SERVICES.get("notifications");
    String token = "65c1a2b3c4d5e6f7a8b9c0d1.q3Jm0YtZkP8wVhXbN2cR7A.1766332800.sig";

    HttpResponse<String> asked = get("/api/notifications/unsubscribe/" + token, null);
    // RFC 8058: the mail client posts this body, with no cookie and no token.
    HttpResponse<String> oneClick =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + port + "/api/notifications/unsubscribe/" + token))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    HttpResponse<String> feed = get("/api/notifications/calendar/" + "A".repeat(43) + ".ics", null);

    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(oneClick.statusCode()).as(oneClick.body()).isEqualTo(200);
    assertThat(feed.statusCode()).as("a calendar app fetches the feed").isEqualTo(200);
    assertThat(notifications.received)
        .filteredOn(r -> r.path().equals("/unsubscribe/" + token))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.authorization()).isNull());
    int before = notifications.received.size();
    for (String closed :
        List.of(
            "/api/notifications/unsubscribe",
            "/api/notifications/unsubscribe/" + token + "/more",
            "/api/notifications/calendar",
            "/api/notifications/me/calendar-feed",
            "/api/notifications/deliveries")) {
      assertThat(get(closed, null).statusCode()).as(closed).isEqualTo(401);
    }
    assertThat(notifications.received).hasSize(before);
  }

  @Test
  void probesAreOpenAndNothingOfAnyActuatorOrInternalApiIsReachableThroughTheGateway()
      throws Exception {
    assertThat(get("/readyz", null).statusCode()).isEqualTo(200);
    assertThat(get("/livez", null).statusCode()).isEqualTo(200);
    String student = IDP.token("curious-" + UUID.randomUUID(), "student");
    for (String internal :
        List.of("/actuator", "/actuator/metrics", "/actuator/gateway/routes", "/actuator/env")) {
      assertThat(get(internal, student).statusCode()).as(internal).isEqualTo(404);
    }
    for (String service : List.of("contacts", "interviews", "notifications")) {
      for (String internal :
          List.of(
              "/actuator",
              "/actuator/metrics",
              "/Actuator/health",
              "/actuator/env",
              "/internal/contacts/0123456789abcdef01234567/mail-address",
              "/Internal/contacts/x/unsubscribe",
              "//internal/contacts/x/mail-address",
              "/%69nternal/contacts/x/mail-address",
              "/internal;x=1/contacts/x/mail-address")) {
        String path = "/api/" + service + internal;
        int status = get(path, student).statusCode();
        if (internal.startsWith("//")) {
          // the firewall refuses the spelling before anything is routed
          assertThat(status).as(path).isEqualTo(400);
        } else {
          assertThat(status).as(path).isEqualTo(404);
        }
      }
    }
    // Even a service that answered them (these test services answer everything) is not asked.
    assertThat(SERVICES.values())
        .allSatisfy(
            s ->
                assertThat(s.received)
                    .noneMatch(r -> r.path().contains("ctuator") || r.path().contains("nternal")));
    assertThat(new ApiClient(managementPort).get("/actuator/metrics", null).statusCode())
        .isEqualTo(200);
  }

  private HttpResponse<String> get(String path, String token) {
    return new ApiClient(port).get(path, token);
  }
}
