package org.infointerview.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.infointerview.localrun.LocalPorts;
import org.infointerview.localrun.LocalRun;

/**
 * What a large alumni database does to the local run as a new user starts it (the local run's own
 * JVM flags: 192 MB heaps, C1 only): a generated export imported through the gateway, then
 * contacts-service killed and started again by the launcher with every contact in the store (its
 * search index rebuilt from the store), then the whole directory exported as CSV through the
 * gateway. Prints the peak heap of contacts-service in each phase, the total RSS of every JVM of
 * the run during the import, and the time to ready after the restart. Not a timed test: a
 * measurement of the shape the local run ships in.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar restart [rows]} (default 1,000,000).
 */
final class RestartBenchmark {

  private static final int OFFSET = 5_000;

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path file = AlumniFile.write(Files.createTempFile("alumni-", ".csv"), rows, 42);
    System.out.printf("generated %,d rows, %,d bytes%n", rows, Files.size(file));
    String flags = String.join(" ", LocalRun.SERVICE_JVM_DEFAULTS);
    System.out.printf("service JVMs: the local run's own flags: %s%n", flags);
    try (LocalStack stack =
        LocalStack.start(OFFSET, Map.of("LOCAL_RUN_JVM_OPTIONS", flags), List.of())) {
      LocalPorts ports = stack.ports();
      DevTokens admin = new DevTokens(ports, "admin", "admin");

      // 1. The import, through the gateway.
      Instant start = Instant.now();
      Map<String, String> done;
      try (HeapSampler heap = new HeapSampler(ports.contacts());
          RssSampler rss = new RssSampler(stack::processes)) {
        ImportClient imports = ImportClient.throughGateway(ports, admin);
        done = imports.awaitEnd(imports.start(file));
        System.out.printf(
            "%nimport of %,d rows through the gateway: %s in %.0f s (created %s, failed %s)%n"
                + "  peak heap of contacts-service %.0f MB (-Xmx192m)%n"
                + "  peak RSS of all %d JVMs of the run together %.0f MB (goal <= 2048 MB)%n",
            rows,
            done.get("status"),
            seconds(start),
            done.get("created"),
            done.get("failed"),
            heap.peakMegabytes(),
            rss.processes(),
            rss.peakMegabytes());
      }

      // 2. contacts-service killed; the launcher starts it again with every contact in the store.
      stack.service("contacts-service").destroyForcibly();
      Instant killed = Instant.now();
      try (HeapSampler heap = new HeapSampler(ports.contacts())) {
        double ready = awaitReady(ports);
        double indexed = awaitIndexBuilt(stack.log("contacts-service"), killed);
        boolean outOfMemory =
            Files.readString(stack.log("contacts-service")).contains("OutOfMemoryError");
        System.out.printf(
            "%nrestart of contacts-service with the contacts in the store:%n"
                + "  ready (health UP) %.0f s after it was killed; search index built %.0f s after%n"
                + "  peak heap %.0f MB (-Xmx192m); OutOfMemoryError in its log: %s%n",
            ready, indexed, heap.peakMegabytes(), outOfMemory ? "YES" : "no");
      }

      // 3. The whole directory as CSV, through the gateway.
      Instant exportStart = Instant.now();
      try (HeapSampler heap = new HeapSampler(ports.contacts())) {
        HttpResponse<InputStream> csv =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create(
                                "http://127.0.0.1:"
                                    + ports.gateway()
                                    + "/api/contacts/contacts/export?scope=directory"))
                        .header("Authorization", "Bearer " + admin.get())
                        .timeout(Duration.ofMinutes(30))
                        .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        try (InputStream in = csv.body()) {
          byte[] buffer = new byte[64 * 1024];
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            bytes += n;
            for (int i = 0; i < n; i++) {
              if (buffer[i] == '\n') {
                lines++;
              }
            }
          }
        }
        System.out.printf(
            "%ndirectory export through the gateway: HTTP %d, %,d contacts, %,d MB in %.0f s%n"
                + "  peak heap of contacts-service %.0f MB (-Xmx192m)%n",
            csv.statusCode(),
            Math.max(0, lines - 1),
            bytes / (1024 * 1024),
            seconds(exportStart),
            heap.peakMegabytes());
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static double awaitReady(LocalPorts ports) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant begin = Instant.now();
    Instant deadline = begin.plus(Duration.ofMinutes(30));
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ports.contacts() + "/readyz"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return seconds(begin);
        }
      } catch (IOException notYet) {
        // down or starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("contacts-service did not come back");
  }

  /** Seconds from {@code since} until the log says the search index was built after it. */
  private static double awaitIndexBuilt(Path log, Instant since)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
    long skip = Files.size(log);
    while (Instant.now().isBefore(deadline)) {
      String text = Files.readString(log);
      int built = text.indexOf("Contact search index built", (int) Math.min(skip, text.length()));
      if (built >= 0) {
        System.out.println("  " + text.substring(built, text.indexOf('\n', built)));
        return seconds(since);
      }
      if (text.indexOf("contact search index could not be built", (int) skip) >= 0) {
        throw new IllegalStateException("the search index could not be built; see " + log);
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("the search index was not built within an hour");
  }

  private static double seconds(Instant since) {
    return Duration.between(since, Instant.now()).toMillis() / 1000.0;
  }
}
