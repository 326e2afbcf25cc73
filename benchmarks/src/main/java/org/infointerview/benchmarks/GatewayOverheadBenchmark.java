package org.infointerview.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.infointerview.localrun.DevLogin;
import org.infointerview.localrun.LocalPorts;

/**
 * What the gateway costs: the same authenticated GET (a student reading their contact) sent
 * straight to contacts-service and through the gateway, in the same run, on the real local stack
 * (every service in its own JVM, real tokens from the dev OIDC provider). Latency at a constant
 * request rate (open loop, measured from the intended send time, so a stall is not hidden), and the
 * highest throughput a fixed pool of clients reaches.
 *
 * <p>Run from the repository root after {@code ./mvnw -B -q package -DskipTests}: {@code java -jar
 * benchmarks/target/benchmarks.jar gateway [rate-per-second] [seconds]}. Three rounds alternate the
 * paths; the medians are compared. Goal: gateway p50 at most 1.25 times direct (or 1 ms more),
 * gateway throughput at least half of direct.
 */
public final class GatewayOverheadBenchmark {

  private static final int OFFSET = 30_000;
  private static final LocalPorts PORTS = new LocalPorts(OFFSET);
  private static final int CLIENTS = 16;
  private static final int ROUNDS = 3;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    new GatewayOverheadBenchmark().run(rate, Duration.ofSeconds(seconds));
  }

  private void run(int rate, Duration duration) throws Exception {
    try (LocalStack stack =
        LocalStack.start(OFFSET, Map.of("GATEWAY_RATE_LIMIT_PER_USER", "100000000"))) {
      String token = new DevLogin(PORTS.issuer()).accessToken("student", "student");
      String id = createContact(token);
      URI direct = URI.create("http://127.0.0.1:" + PORTS.contacts() + "/contacts/" + id);
      URI gateway =
          URI.create("http://127.0.0.1:" + PORTS.gateway() + "/api/contacts/contacts/" + id);

      System.out.println("warming up both paths...");
      throughput(direct, token, Duration.ofSeconds(10));
      throughput(gateway, token, Duration.ofSeconds(10));

      // Rounds alternate the two paths, so a slow moment of the machine falls on both; the
      // medians of the rounds are the result.
      List<double[]> rounds = new ArrayList<>();
      System.out.printf(
          "%nauthenticated GET /contacts/{id}: %d req/s for %d s, then %d clients flat out for %d"
              + " s; %d rounds%n",
          rate, duration.toSeconds(), CLIENTS, duration.toSeconds(), ROUNDS);
      for (int round = 1; round <= ROUNDS; round++) {
        Histogram directLatency = constantRate(direct, token, rate, duration);
        Histogram gatewayLatency = constantRate(gateway, token, rate, duration);
        double directThroughput = throughput(direct, token, duration);
        double gatewayThroughput = throughput(gateway, token, duration);
        double[] r = {
          millis(directLatency, 50),
          millis(gatewayLatency, 50),
          millis(directLatency, 99),
          millis(gatewayLatency, 99),
          directThroughput,
          gatewayThroughput
        };
        rounds.add(r);
        System.out.printf(
            "  round %d  p50 %6.2f / %6.2f ms  p99 %6.2f / %6.2f ms  throughput %5.0f / %5.0f"
                + " req/s (direct / gateway): p50 %.2fx, throughput %.2fx%n",
            round, r[0], r[1], r[2], r[3], r[4], r[5], r[1] / r[0], r[5] / r[4]);
      }
      double directP50 = median(rounds, 0);
      double gatewayP50 = median(rounds, 1);
      double directThroughput = median(rounds, 4);
      double gatewayThroughput = median(rounds, 5);
      System.out.printf("%nmedians of %d rounds%n", ROUNDS);
      System.out.printf(
          "  direct   p50 %6.2f ms  p99 %6.2f ms  throughput %7.0f req/s%n",
          directP50, median(rounds, 2), directThroughput);
      System.out.printf(
          "  gateway  p50 %6.2f ms  p99 %6.2f ms  throughput %7.0f req/s%n",
          gatewayP50, median(rounds, 3), gatewayThroughput);
      System.out.printf(
          "  ratios   p50 %.2fx (+%.2f ms; goal <= 1.25x or +1 ms)   p99 %.2fx   throughput %.2fx"
              + " (goal >= 0.5x)%n",
          gatewayP50 / directP50,
          gatewayP50 - directP50,
          median(rounds, 3) / median(rounds, 2),
          gatewayThroughput / directThroughput);
    }
  }

  private static double median(List<double[]> rounds, int column) {
    double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return values[values.length / 2];
  }

  /** Sends at a fixed rate whatever the answers take; latency counts from the intended start. */
  private Histogram constantRate(URI target, String token, int rate, Duration duration)
      throws InterruptedException {
    Recorder recorder = new Recorder(3);
    AtomicLong failures = new AtomicLong();
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    long total = rate * duration.toSeconds();
    CountDownLatch done = new CountDownLatch((int) total);
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long intended = start + i * intervalNanos;
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      http.sendAsync(request(target, token), HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, error) -> {
                if (error != null || response.statusCode() != 200) {
                  failures.incrementAndGet();
                } else {
                  recorder.recordValue(System.nanoTime() - intended);
                }
                done.countDown();
              });
    }
    done.await(duration.toSeconds() + 60, TimeUnit.SECONDS);
    if (failures.get() > 0) {
      System.out.println("  " + failures.get() + " requests to " + target + " failed");
    }
    return recorder.getIntervalHistogram();
  }

  /** Requests per second that a fixed pool of clients, each waiting for its answer, reaches. */
  private double throughput(URI target, String token, Duration duration)
      throws InterruptedException {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicLong completed = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    List<CompletableFuture<Void>> work = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      work.add(
          CompletableFuture.runAsync(
              () -> {
                while (System.nanoTime() < end) {
                  try {
                    if (http.send(request(target, token), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                        == 200) {
                      completed.incrementAndGet();
                    }
                  } catch (IOException e) {
                    // counted as not completed
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              },
              clients));
    }
    CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
    clients.shutdown();
    return completed.get() / (double) duration.toSeconds();
  }

  private static HttpRequest request(URI target, String token) {
    return HttpRequest.newBuilder(target)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  private String createContact(String token) throws IOException, InterruptedException {
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + PORTS.gateway() + "/api/contacts/contacts"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"givenName\":\"Bench\",\"familyName\":\"Mark\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
    if (created.statusCode() != 201 || !id.find()) {
      throw new IllegalStateException("Could not create the contact: " + created.body());
    }
    return id.group(1);
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1_000_000.0;
  }
}
