package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.infointerview.support.http.RequestTooLargeException;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's protections against a real loopback service that can be slow, flaky or absent:
 * forged identity headers never reach it, bodies over the limit never leave the gateway, a down or
 * slow service is a 503 problem, only GETs are retried, callers are rate limited by token or
 * address, and every response carries the security headers.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "infointerview.gateway.rate-limit.per-user=5",
      "infointerview.gateway.rate-limit.per-anonymous-address=12",
      "infointerview.gateway.rate-limit.answers-per-address=3",
      "infointerview.gateway.route-timeout=1s",
      "infointerview.http.max-request-size=1KB",
      "IMPORT_MAX_UPLOAD_SIZE=5MB",
      "PERSONAL_IMPORT_MAX_UPLOAD_SIZE=2MB",
      "GATEWAY_PUBLIC_URL=https://gateway.career.example.edu",
      "infointerview.security.cors-allowed-origins=https://career.example.edu"
    })
@InfrastructureTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class GatewayHardeningIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final List<Headers> SEEN = new CopyOnWriteArrayList<>();
  private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
  private static final Map<String, Integer> BYTES = new ConcurrentHashMap<>();
  private static HttpServer service;

  @Value("${local.server.port}")
  int port;

  @Autowired Resilience4JCircuitBreakerFactory breakers;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) throws IOException {
    service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    service.setExecutor(Executors.newFixedThreadPool(4));
    service.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          int call = CALLS.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          SEEN.add(exchange.getRequestHeaders());
          try (InputStream body = exchange.getRequestBody()) {
            BYTES.merge(path, body.readAllBytes().length, Integer::sum);
          }
          int status = 200;
          if (path.startsWith("/slow")) {
            try {
              Thread.sleep(3000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          } else if (path.startsWith("/flaky") && call == 1) {
            status = 503;
          } else if (path.startsWith("/broken")) {
            status = 503;
          }
          byte[] bytes = ("{\"call\":" + call + "}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    service.start();
    registry.add(
        "CONTACTS_SERVICE_URI", () -> "http://127.0.0.1:" + service.getAddress().getPort());
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    int down = closed;
    registry.add("INTERVIEWS_SERVICE_URI", () -> "http://127.0.0.1:" + down);
  }

  @AfterAll
  static void stopService() {
    service.stop(0);
  }

  private ApiClient api() {
    return new ApiClient(port);
  }

  private static String token() {
    return IDP.token("user-" + UUID.randomUUID(), "student");
  }

  @Test
  @Order(1)
  void identityAndForwardingHeadersFromTheClientNeverReachTheService() {
    String path = "/echo-" + UUID.randomUUID();
    var response =
        api()
            .send(
                "GET",
                "/api/contacts" + path,
                token(),
                null,
                Map.of(
                    "X-User-Id", "admin",
                    "X-User-Roles", "ADMIN",
                    "X-Forwarded-For", "6.6.6.6",
                    "X-Forwarded-Host", "evil.example",
                    "Forwarded", "for=6.6.6.6;host=evil.example"));

    assertThat(response.statusCode()).isEqualTo(200);
    Headers received = SEEN.get(SEEN.size() - 1);
    assertThat(received.keySet()).noneMatch(h -> h.toLowerCase().startsWith("x-user-"));
    assertThat(String.valueOf(received.get("X-Forwarded-For"))).doesNotContain("6.6.6.6");
    assertThat(String.valueOf(received.get("X-Forwarded-Host"))).doesNotContain("evil.example");
    assertThat(String.valueOf(received.get("Forwarded"))).doesNotContain("6.6.6.6");
  }

  @Test
  @Order(2)
  void everyResponseCarriesTheSecurityHeaders() {
    var response = api().get("/api/contacts/headers", token());

    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
    assertThat(response.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  @Order(3)
  void corsIsAllowedForTheConfiguredOriginOnly() {
    Map<String, String> preflight =
        Map.of("Access-Control-Request-Method", "GET", "Origin", "https://career.example.edu");
    var allowed = api().send("OPTIONS", "/api/contacts/contacts", null, null, preflight);
    var refused =
        api()
            .send(
                "OPTIONS",
                "/api/contacts/contacts",
                null,
                null,
                Map.of("Access-Control-Request-Method", "GET", "Origin", "https://evil.example"));

    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://career.example.edu");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  @Order(4)
  void aBodyOverTheLimitIsRefusedWith413AndNeverReachesTheService() throws Exception {
    String path = "/upload-" + UUID.randomUUID();
    String big = "{\"text\":\"" + "x".repeat(4096) + "\"}";

    var declared = api().post("/api/contacts" + path, token(), big);
    HttpResponse<String> chunked = postChunked("/api/contacts" + path, big, "application/json");

    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(CALLS.get(path)).isNull();
  }

  @Test
  @Order(4)
  void anImportFileStreamsThroughUpToTheImportLimitWhileOtherAddressesKeepTheSmallOne()
      throws Exception {
    String csv = "alumni_id,first_name\n" + "A-1,Priya\n".repeat(6_000);
    String file = csv.substring(0, 40 * 1024);

    var declared =
        api()
            .send(
                "POST",
                "/api/contacts/imports?profile=x",
                token(),
                file,
                Map.of("Content-Type", "text/csv"));
    var chunked = postChunked("/api/contacts/imports?profile=y", file, "text/csv");
    String boundary = "b" + UUID.randomUUID();
    String form =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"alumni.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + file
            + "\r\n--"
            + boundary
            + "--\r\n";
    var multipart =
        postChunked(
            "/api/contacts/imports/upload", form, "multipart/form-data; boundary=" + boundary);
    // Just over the 1 KB limit: the whole body arrives with the headers, so the refusal is read
    // before the connection closes (a larger unread body may reset it first).
    var elsewhere =
        api()
            .send(
                "POST",
                "/api/contacts/contacts",
                token(),
                file.substring(0, 2048),
                Map.of("Content-Type", "text/csv"));

    assertThat(declared.statusCode()).isEqualTo(200);
    assertThat(chunked.statusCode()).isEqualTo(200);
    assertThat(multipart.statusCode()).isEqualTo(200);
    assertThat(BYTES.get("/imports")).isEqualTo(file.length() * 2);
    assertThat(BYTES.get("/imports/upload")).isEqualTo(form.length());
    assertThat(elsewhere.statusCode()).isEqualTo(413);
    assertThat(CALLS.get("/contacts")).isNull();
  }

  @Test
  @Order(4)
  void anImportFileOverTheImportLimitIsRefusedInTheServicesOwnWordsAndIsNoServiceFailure()
      throws Exception {
    String file = "x".repeat(5 * 1024 * 1024 + 1);
    CircuitBreaker breaker =
        breakers.getCircuitBreakerRegistry().circuitBreaker("contacts-service");
    long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();

    String message = new RequestTooLargeException(DataSize.ofMegabytes(5)).getMessage();
    // Declared: refused on its Content-Length alone, before a byte of the body is read (sent
    // here as headers only, as a client asking first with Expect: 100-continue would).
    String declared;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket
          .getOutputStream()
          .write(
              ("POST /api/contacts/imports?profile=big HTTP/1.1\r\nHost: localhost\r\n"
                      + "Authorization: Bearer "
                      + token()
                      + "\r\nContent-Type: text/csv\r\nContent-Length: "
                      + file.length()
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      declared = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
    // Chunked, it streams towards the service until the count passes the limit.
    var chunked = postChunked("/api/contacts/imports?profile=big", file, "text/csv");

    assertThat(declared).startsWith("HTTP/1.1 413").contains(message).contains("larger than 5 MB");
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.body()).contains(message);
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore);
  }

  @Test
  @Order(4)
  void aStudentsOwnFileHasTheSmallerLimitOfPersonalImports() throws Exception {
    String file = "x".repeat(3 * 1024 * 1024);
    String small = "First Name,Last Name\nPriya,Raman\n";

    var refused = postChunked("/api/contacts/me/imports", file, "text/csv");
    var passed = postChunked("/api/contacts/me/imports", small, "text/csv");

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("larger than 2 MB");
    assertThat(passed.statusCode()).isEqualTo(200);
    assertThat(BYTES.get("/me/imports")).isEqualTo(small.length());
  }

  private HttpResponse<String> postChunked(String path, String body, String type) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", type)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(4)
  void anAddressThatIsNotUtf8IsA400AtTheEdgeAndNeverOpensTheServicesBreaker() {
    String path = "/prefs-" + UUID.randomUUID();
    List<String> hostile = List.of("?x=%FF", "?q=%C3%28", "?x=%E2%82", "?x=%C0%AF");

    for (int i = 0; i < 110; i++) {
      var refused = api().get("/api/contacts" + path + hostile.get(i % hostile.size()), token());
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(refused.body()).contains("UTF-8").doesNotContain("java.", "Exception");
    }
    var fine = api().get("/api/contacts" + path + "?x=%C3%A9", token());

    assertThat(fine.statusCode()).isEqualTo(200);
    assertThat(CALLS.get(path)).hasValue(1);
  }

  @Test
  @Order(5)
  void aServiceThatIsDownIsA503Problem() {
    var response = api().get("/api/interviews/interviews", token());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("interviews-service")
        .contains("\"instance\":\"/api/interviews/interviews\"");
  }

  @Test
  @Order(6)
  void aServiceSlowerThanTheRouteTimeoutIsA503ProblemAndIsNotAskedAgain(CapturedOutput log) {
    String slow = "/slow-" + UUID.randomUUID();
    Instant start = Instant.now();
    var response = api().get("/api/contacts" + slow + "?q=ada%40example.org", token());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("contacts-service");
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(2900));
    assertThat(CALLS.get(slow).get()).isEqualTo(1);
    // Operations learn why; the log never shows what was asked.
    assertThat(log.getOut())
        .contains("contacts-service did not answer")
        .containsIgnoringCase("timed out")
        .doesNotContain(slow)
        .doesNotContain("example.org");
  }

  @Test
  @Order(7)
  void aFailedGetIsRetriedButAFailedPostIsNot() {
    String flaky = "/flaky-" + UUID.randomUUID();
    String broken = "/broken-" + UUID.randomUUID();

    var get = api().get("/api/contacts" + flaky, token());
    var post = api().post("/api/contacts" + broken, token(), "{}");

    assertThat(get.statusCode())
        .as("calls %s body %s", CALLS.get(flaky), get.body())
        .isEqualTo(200);
    assertThat(CALLS.get(flaky).get()).isEqualTo(2);
    assertThat(post.statusCode()).isEqualTo(503);
    assertThat(CALLS.get(broken).get()).isEqualTo(1);
  }

  @Test
  @Order(8)
  void aPersonOverTheirLimitGets429WithRetryAfterAndOthersAreUnaffected() {
    String greedy = token();
    for (int i = 0; i < 5; i++) {
      assertThat(api().get("/api/contacts/limited", greedy).statusCode()).isEqualTo(200);
    }

    var refused = api().get("/api/contacts/limited", greedy);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
    assertThat(api().get("/api/contacts/limited", token()).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(9)
  void anonymousCallersAreLimitedByAddressNotByAHeaderTheyChoose() {
    int refusedAt = -1;
    for (int i = 0; i < 20 && refusedAt < 0; i++) {
      var response =
          api().send("GET", "/readyz", null, null, Map.of("X-Forwarded-For", "10.0.0." + i));
      if (response.statusCode() == 429) {
        refusedAt = i;
      }
    }

    assertThat(refusedAt).as("requests before the 429").isBetween(1, 12);
  }

  @Test
  @Order(9)
  void mailLinksAreLimitedByAddressSignedInOrNotAndTheRestOfTheApiIsNot() {
    String signedIn = token();
    int refusedAt = -1;
    for (int i = 0; i < 8 && refusedAt < 0; i++) {
      String link =
          i % 3 == 0 ? "/api/notifications/unsubscribe/guess-" : "/api/interviews/answers/guess-";
      var response = api().get(link + i, i % 2 == 0 ? null : signedIn);
      if (response.statusCode() == 429) {
        refusedAt = i;
      }
    }

    assertThat(refusedAt).as("mail-link calls (answer, unsubscribe) before the 429").isEqualTo(3);
    assertThat(api().get("/api/contacts/after-guessing", signedIn).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(10)
  void refusedTokensAreLimitedByAddressBeforeAnyIsCheckedWhileAKnownGoodTokenStillPasses() {
    String good = token();
    assertThat(api().get("/api/contacts/known", good).statusCode()).isEqualTo(200);
    String forged = good.substring(0, good.lastIndexOf('.') + 1) + "c2lnbmVkLWJ5LXNvbWVvbmUtZWxzZQ";

    int refusedAt = -1;
    for (int i = 0; i < 14 && refusedAt < 0; i++) {
      var response = api().get("/api/contacts/known", i % 2 == 0 ? "not.a.jwt" : forged);
      if (response.statusCode() == 429) {
        refusedAt = i;
      } else {
        assertThat(response.statusCode()).isEqualTo(401);
      }
    }

    assertThat(refusedAt).as("refused tokens before the 429").isBetween(1, 12);
    var blocked = api().get("/api/contacts/known", forged);
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    assertThat(blocked.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(api().get("/api/contacts/known", good).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(11)
  void theHostHeaderNeverChoosesAnAddressTheGatewayBuilds() throws Exception {
    String signIn = rawGet("/oauth2/authorization/infointerview", "evil.example");

    assertThat(signIn).startsWith("HTTP/1.1 302");
    assertThat(signIn)
        .contains("redirect_uri=https://gateway.career.example.edu/login/oauth2/code/infointerview")
        .doesNotContain("evil.example");
  }

  /** A request as any client can send it, with the Host header it chooses. */
  private String rawGet(String path, String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + path
                      + " HTTP/1.1\r\nHost: "
                      + host
                      + "\r\nAccept: text/html\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
    }
  }

  @Test
  @Order(0)
  void aBrowsersWriteWithoutItsCsrfTokenIsA403ProblemThatSaysWhatToSend() throws Exception {
    HttpResponse<String> refused =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/contacts/x"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(refused.body()).contains("X-XSRF-TOKEN").doesNotContain("timestamp");
  }

  @Test
  @Order(0)
  void aRequestJettyRefusesItselfIsAProblemWithTheSecurityHeadersNotAnHtmlPage() throws Exception {
    String answer;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET /api/contacts/contacts HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                      + "a".repeat(20_000)
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(answer).startsWith("HTTP/1.1 431");
    assertThat(answer.toLowerCase(Locale.ROOT))
        .contains("content-type: application/problem+json")
        .contains("x-content-type-options: nosniff");
    assertThat(answer).contains("\"status\":431").doesNotContain("<html");
  }
}
