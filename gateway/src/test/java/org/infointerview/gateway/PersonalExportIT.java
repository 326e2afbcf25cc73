package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.Archives;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/me/export} through the gateway, against three services that each answer their own
 * {@code /me/export}: one archive with a folder per service, asked with the caller's token; a
 * service that fails (an error, a dropped connection, an archive cut short or not marked complete)
 * makes it a 503 problem naming that service, never a partial archive. A person's exports are
 * counted apart, by the hour.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "infointerview.gateway.rate-limit.exports-per-user=3")
@InfrastructureTest
class PersonalExportIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final List<String> NAMES =
      List.of("contacts-service", "interviews-service", "notifications-service");
  private static final Map<String, FakeService> SERVICES = new ConcurrentHashMap<>();

  @Value("${local.server.port}")
  int port;

  private final JsonMapper json = JsonMapper.builder().build();

  /** How a service answers its {@code /me/export}. */
  enum Answer {
    WHOLE,
    ERROR,
    DROPPED,
    CUT_SHORT,
    NOT_COMPLETE
  }

  static final class FakeService {
    final String name;
    final HttpServer server;
    final List<String> tokens = new CopyOnWriteArrayList<>();
    volatile Answer answer = Answer.WHOLE;

    FakeService(String name) throws IOException {
      this.name = name;
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/me/export",
          exchange -> {
            tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] archive = archive(answer != Answer.NOT_COMPLETE);
            switch (answer) {
              case ERROR -> exchange.sendResponseHeaders(500, -1);
              case DROPPED -> {
                // headers promised a body that never comes
                exchange.sendResponseHeaders(200, archive.length);
              }
              case CUT_SHORT -> {
                exchange.getResponseHeaders().add("Content-Type", "application/zip");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(archive, 0, archive.length / 2);
              }
              default -> {
                exchange.getResponseHeaders().add("Content-Type", "application/zip");
                exchange.sendResponseHeaders(200, archive.length);
                exchange.getResponseBody().write(archive);
              }
            }
            exchange.close();
          });
      server.start();
    }

    private byte[] archive(boolean complete) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        zip.putNextEntry(new ZipEntry("things.json"));
        zip.write(("[{\"from\": \"" + name + "\"}]").getBytes(StandardCharsets.UTF_8));
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(("{\"complete\": " + complete + "}").getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }

    String uri() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }
  }

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) throws IOException {
    for (String name : NAMES) {
      FakeService service = new FakeService(name);
      SERVICES.put(name, service);
      String variable = name.substring(0, name.indexOf('-')).toUpperCase() + "_SERVICE_URI";
      registry.add(variable, service::uri);
    }
  }

  @AfterEach
  void answerWholeAgain() {
    SERVICES.values().forEach(s -> s.answer = Answer.WHOLE);
  }

  @AfterAll
  static void stopServices() {
    SERVICES.values().forEach(s -> s.server.stop(0));
  }

  @Test
  void everyServicesPartArrivesInItsFolderAskedWithTheCallersToken() {
    String token = IDP.token("student-" + UUID.randomUUID(), "student");

    HttpResponse<byte[]> response = new ApiClient(port).download("/api/me/export", token);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .contains("infointerview-export-");
    Map<String, String> files = Archives.files(response.body());
    assertThat(files.keySet())
        .containsExactly(
            "README.txt",
            "contacts-service/things.json",
            "contacts-service/manifest.json",
            "interviews-service/things.json",
            "interviews-service/manifest.json",
            "notifications-service/things.json",
            "notifications-service/manifest.json",
            "manifest.json");
    assertThat(files.get("interviews-service/things.json")).contains("interviews-service");
    JsonNode manifest = json.readTree(files.get("manifest.json"));
    assertThat(manifest.get("complete").asBoolean()).isTrue();
    assertThat(manifest.get("services").size()).isEqualTo(3);
    for (FakeService service : SERVICES.values()) {
      assertThat(service.tokens).last().isEqualTo("Bearer " + token);
    }
  }

  @Test
  void aServiceThatFailsInAnyWayMakesItA503NamingItAndNoArchive() {
    for (Answer failure :
        List.of(Answer.ERROR, Answer.DROPPED, Answer.CUT_SHORT, Answer.NOT_COMPLETE)) {
      String token = IDP.token("student-" + failure, "student");
      FakeService failing = SERVICES.get("interviews-service");
      failing.answer = failure;

      HttpResponse<String> response = new ApiClient(port).get("/api/me/export", token);

      assertThat(response.statusCode()).as(failure.name()).isEqualTo(503);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.get("service").asString()).isEqualTo("interviews-service");
      assertThat(problem.get("detail").asString())
          .contains("interviews-service is not answering")
          .doesNotContain("Exception");
    }
  }

  @Test
  void aPersonsExportsAreCountedApartAndTheirOtherCallsGoOn() {
    String token = IDP.token("student-" + UUID.randomUUID(), "student");
    ApiClient api = new ApiClient(port);
    for (int i = 0; i < 3; i++) {
      assertThat(api.download("/api/me/export", token).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> fourth = api.get("/api/me/export", token);

    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
    assertThat(api.get("/api/contacts/things", token).statusCode())
        .as("the rest of the API is counted as ever")
        .isNotEqualTo(429);
  }

  @Test
  void withoutATokenNoServiceIsAsked() {
    int asked = SERVICES.get("contacts-service").tokens.size();

    assertThat(new ApiClient(port).get("/api/me/export", null).statusCode()).isEqualTo(401);
    assertThat(SERVICES.get("contacts-service").tokens).hasSize(asked);
  }
}
