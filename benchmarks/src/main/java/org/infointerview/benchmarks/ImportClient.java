package org.infointerview.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infointerview.localrun.LocalPorts;

/** Starts an alumni import on contacts-service and follows it to its end, as an admin would. */
final class ImportClient {

  private static final String FIELD = "\"%s\"\\s*:\\s*\"?([^\",}]*)";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final Supplier<String> token;

  /** Straight to contacts-service. */
  ImportClient(LocalPorts ports, Supplier<String> token) {
    this("http://127.0.0.1:" + ports.contacts(), token);
  }

  /** At an address of the API: contacts-service's own, or the gateway's {@code /api/contacts}. */
  ImportClient(String base, Supplier<String> token) {
    this.base = base;
    this.token = token;
  }

  /** Through the gateway, as an admin's browser or script sends it. */
  static ImportClient throughGateway(LocalPorts ports, Supplier<String> token) {
    return new ImportClient("http://127.0.0.1:" + ports.gateway() + "/api/contacts", token);
  }

  /** Uploads a file; returns the import's id. */
  String start(Path file) throws IOException, InterruptedException {
    HttpResponse<String> accepted =
        http.send(
            HttpRequest.newBuilder(
                    uri("/imports?profile=alumni-db-export&fileName=" + file.getFileName()))
                .header("Authorization", "Bearer " + token.get())
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (accepted.statusCode() != 202) {
      throw new IllegalStateException("Import refused: " + accepted.body());
    }
    return field(accepted.body(), "id");
  }

  /** Polls the import until it ends, printing its progress now and then; returns its counts. */
  Map<String, String> awaitEnd(String id) throws IOException, InterruptedException {
    long lastPrint = 0;
    while (true) {
      String body =
          http.send(
                  HttpRequest.newBuilder(uri("/imports/" + id))
                      .header("Authorization", "Bearer " + token.get())
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      String state = field(body, "status");
      if (System.currentTimeMillis() - lastPrint > 10_000) {
        lastPrint = System.currentTimeMillis();
        System.out.printf(
            "  %s: %s rows read, ETA %s s%n",
            state, field(body, "rowsRead"), field(body, "etaSeconds"));
      }
      if (List.of("COMPLETED", "CANCELLED", "FAILED").contains(state)) {
        return Map.of(
            "status", state,
            "created", field(body, "created"),
            "updated", field(body, "updated"),
            "unchanged", field(body, "unchanged"),
            "failed", field(body, "failed"),
            "startedAt", field(body, "startedAt"),
            "finishedAt", field(body, "finishedAt"));
      }
      Thread.sleep(500);
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private static String field(String json, String name) {
    Matcher matcher = Pattern.compile(String.format(FIELD, Pattern.quote(name))).matcher(json);
    return matcher.find() ? matcher.group(1).strip() : "";
  }
}
