package org.infointerview.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
import org.infointerview.localrun.LocalPorts;

/**
 * What the gateway costs: the same authenticated GET (a student reading their contact) sent
 * straight to contacts-service and through the gateway, in the same run, on the real local stack
 * (every service in its own JVM with its container image's flags, real tokens from the dev OIDC
 * provider). Latency at a constant request rate (open loop, measured from the intended send time,
 * so a stall is not hidden), and the highest throughput a fixed pool of clients reaches, with the
 * CPU time the gateway and the service spend per request at that load (read from the operating
 * system, the steadiest of these numbers on a shared machine). Beside them, the latency through a
 * bare TCP relay ({@link TcpRelay}, in this benchmark's JVM) in front of the service: what one more
 * hop costs on this machine with no work at all, which tells the gateway's own work from the hop.
 *
 * <p>Two placements, each measured in rounds that alternate the paths (the medians are compared):
 *
 * <ul>
 *   <li><b>shared</b>: every process may run on every CPU, so on a small machine the gateway's work
 *       is taken from the service's CPU time;
 *   <li><b>pinned</b>: as deployed, where the gateway has CPU of its own. The gateway shares the
 *       last CPU with this benchmark's client; the rest of the stack (service, store, broker) runs
 *       on the other CPUs on both paths. Needs two CPUs and util-linux's {@code taskset}.
 * </ul>
 *
 * <p>Run from the repository root after {@code ./mvnw -B -q package -DskipTests}: {@code java -jar
 * benchmarks/target/benchmarks.jar gateway [rate-per-second] [seconds] [least-warm-up-seconds]}.
 * Goal: gateway p50 at most 1.25 times direct (or 1 ms more), gateway throughput at least half of
 * direct.
 */
public final class GatewayOverheadBenchmark {

  private static final int OFFSET = 1_000;
  private static final LocalPorts PORTS = new LocalPorts(OFFSET);
  private static final int CLIENTS = 16;
  private static final int ROUNDS = 3;
  private static final Duration WARM_UP_STEP = Duration.ofSeconds(20);
  private static final Duration MOST_WARM_UP = Duration.ofMinutes(10);
  private static final Duration SETTLE = Duration.ofSeconds(10);

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private double startHandOff;
  private double startMemory;
  private double startCache;

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 120;
    new GatewayOverheadBenchmark()
        .run(rate, Duration.ofSeconds(seconds), Duration.ofSeconds(warmUp));
  }

  private void run(int rate, Duration duration, Duration warmUp) throws Exception {
    System.out.printf("service JVMs: %s%n", LocalStack.SERVICE_JVM);
    for (int i = 0; i < 5; i++) { // the last readings count, once compiled
      startHandOff = HostCondition.handOffMicros();
      startMemory = HostCondition.memoryReadNanos();
      startCache = HostCondition.cacheReadNanos();
    }
    System.out.printf(
        "host before the stack starts: hand-off %.0f us, read in 4 MiB %.0f ns, in 64 MiB %.0f"
            + " ns%n",
        startHandOff, startCache, startMemory);
    try (LocalStack stack =
            LocalStack.start(OFFSET, Map.of("GATEWAY_RATE_LIMIT_PER_USER", "100000000"));
        TcpRelay relay = TcpRelay.to(PORTS.contacts())) {
      DevTokens tokens = new DevTokens(PORTS, "student", "student");
      String id = createContact(tokens.get());
      Jvms jvms = new Jvms(stack.service("gateway"), stack.service("contacts-service"));
      Paths paths =
          new Paths(
              URI.create("http://127.0.0.1:" + PORTS.contacts() + "/contacts/" + id),
              URI.create("http://127.0.0.1:" + relay.port() + "/contacts/" + id),
              URI.create("http://127.0.0.1:" + PORTS.gateway() + "/api/contacts/contacts/" + id));

      warmUp(paths, tokens, jvms, warmUp);
      System.out.printf(
          "%nauthenticated GET /contacts/{id}: %d req/s for %d s, then %d clients flat out for %d"
              + " s; %d rounds per placement%n",
          rate, duration.toSeconds(), CLIENTS, duration.toSeconds(), ROUNDS);
      List<String> summary = new ArrayList<>();
      summary.add(measure("shared", paths, tokens, rate, duration, jvms));
      CpuPinning pinning = CpuPinning.gatewayApart(stack, ProcessHandle.current());
      if (pinning.possible()) {
        pinning.pin();
        try {
          summary.add(measure("pinned", paths, tokens, rate, duration, jvms));
        } finally {
          pinning.unpin();
        }
      } else {
        System.out.println("pinned: not measured (" + pinning.why() + ")");
      }
      System.out.printf("%nmedians (direct / gateway)%n");
      summary.forEach(System.out::println);
    }
  }

  /**
   * The full JIT compiles for minutes on two cores, the gateway's longest; measuring before it
   * settles measures the compiler. Load goes through the gateway (which warms the service behind it
   * too) in steps until the gateway's CPU time per request stops falling (three steps in a row none
   * 5 % below the best before it: it can rest on a plateau for a minute while a large method is
   * compiled), for at least {@code minimum} and at most {@link #MOST_WARM_UP}; then one step
   * straight to the service and one through the relay.
   */
  private void warmUp(Paths paths, DevTokens tokens, Jvms jvms, Duration minimum)
      throws InterruptedException {
    System.out.printf(
        "warming up until the gateway's CPU per request settles (%d to %d s)...%n",
        minimum.toSeconds(), MOST_WARM_UP.toSeconds());
    long start = System.nanoTime();
    double best = Double.MAX_VALUE;
    int stepsWithoutGain = 0;
    while (true) {
      Load load = throughput(paths.gateway(), tokens.get(), WARM_UP_STEP, jvms);
      Duration spent = Duration.ofNanos(System.nanoTime() - start);
      System.out.printf(
          "  %3d s: %4.0f req/s, gateway %.2f ms CPU per request%n",
          spent.toSeconds(), load.perSecond(), load.gatewayCpuMillis());
      stepsWithoutGain = load.gatewayCpuMillis() < best * 0.95 ? 0 : stepsWithoutGain + 1;
      best = Math.min(best, load.gatewayCpuMillis());
      boolean settled = stepsWithoutGain >= 3;
      if (spent.compareTo(MOST_WARM_UP) >= 0 || (settled && spent.compareTo(minimum) >= 0)) {
        break;
      }
    }
    throughput(paths.direct(), tokens.get(), WARM_UP_STEP, jvms);
    throughput(paths.relay(), tokens.get(), WARM_UP_STEP, jvms);
  }

  /**
   * Rounds that alternate the paths (the latency phases after a pause, in the opposite order every
   * other round); returns the summary: the medians of each path, the median of the rounds' own
   * ratios (each round compares the paths under the same conditions, so this is the comparison the
   * goal is judged by), the ratios of the medians, and how much of the gateway's added latency a
   * bare relay adds too.
   */
  private String measure(
      String placement, Paths paths, DevTokens tokens, int rate, Duration duration, Jvms jvms)
      throws InterruptedException {
    System.out.printf("%n%s%n", placement);
    List<double[]> rounds = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      // The JVMs stay busy for a while after running flat out (collections, compilations), so the
      // latency phases start after a pause, and every other round in the opposite order: the path
      // measured first is not always the same one.
      Thread.sleep(SETTLE.toMillis());
      double handOff = HostCondition.handOffMicros();
      double memory = HostCondition.memoryReadNanos();
      double cache = HostCondition.cacheReadNanos();
      HostCondition roundStart = HostCondition.now();
      List<URI> order = new ArrayList<>(List.of(paths.direct(), paths.relay(), paths.gateway()));
      if (round % 2 == 0) {
        Collections.reverse(order);
      }
      Map<URI, Histogram> latency = new HashMap<>();
      for (URI path : order) {
        latency.put(path, constantRate(path, tokens.get(), rate, duration));
      }
      Histogram directLatency = latency.get(paths.direct());
      Histogram relayLatency = latency.get(paths.relay());
      Histogram gatewayLatency = latency.get(paths.gateway());
      Load directLoad = throughput(paths.direct(), tokens.get(), duration, jvms);
      Load gatewayLoad = throughput(paths.gateway(), tokens.get(), duration, jvms);
      double steal = HostCondition.now().stealPercentSince(roundStart);
      double[] r = {
        millis(directLatency, 50),
        millis(gatewayLatency, 50),
        millis(directLatency, 99),
        millis(gatewayLatency, 99),
        directLoad.perSecond(),
        gatewayLoad.perSecond(),
        directLoad.serviceCpuMillis(),
        gatewayLoad.serviceCpuMillis(),
        gatewayLoad.gatewayCpuMillis(),
        millis(gatewayLatency, 50) / millis(directLatency, 50),
        millis(gatewayLatency, 50) - millis(directLatency, 50),
        gatewayLoad.perSecond() / directLoad.perSecond(),
        millis(relayLatency, 50),
        millis(relayLatency, 50) - millis(directLatency, 50),
        millis(gatewayLatency, 50) - millis(relayLatency, 50),
        steal,
        handOff,
        memory,
        cache
      };
      rounds.add(r);
      System.out.printf(
          "  round %d  p50 %6.2f / %6.2f ms  p99 %6.2f / %6.2f ms  throughput %5.0f / %5.0f"
              + " req/s: p50 %.2fx, throughput %.2fx; CPU per request: service %.2f / %.2f ms,"
              + " gateway %.2f ms; p50 through a bare relay %.2f ms; host: steal %.0f %%, hand-off"
              + " %.0f us, read in 4 MiB %.0f ns, in 64 MiB %.0f ns%n",
          round, r[0], r[1], r[2], r[3], r[4], r[5], r[9], r[11], r[6], r[7], r[8], r[12], r[15],
          r[16], r[18], r[17]);
    }
    double directP50 = median(rounds, 0);
    double gatewayP50 = median(rounds, 1);
    return String.format(
        "  %-7s p50 %6.2f / %6.2f ms  p99 %6.2f / %6.2f ms  throughput %5.0f / %5.0f req/s%n"
            + "          each round's ratios, median: p50 %.2fx (%+.2f ms; goal <= 1.25x or +1 ms),"
            + " throughput %.2fx (goal >= 0.5x)%n"
            + "          ratios of the medians: p50 %.2fx (%+.2f ms), throughput %.2fx%n"
            + "          CPU per request at full load: service %.2f / %.2f ms, gateway %.2f ms%n"
            + "          p50 of each round, median: bare relay - direct %+.2f ms (what one more hop"
            + " costs here), gateway - bare relay %+.2f ms (the gateway's own work)%n"
            + "          host during the rounds: steal %.0f-%.0f %%, hand-off %.0f-%.0f us, read in"
            + " 4 MiB %.0f-%.0f ns, in 64 MiB %.0f-%.0f ns (before the stack started: %.0f us, %.0f"
            + " ns, %.0f ns; a slow host inflates every number above)",
        placement,
        directP50,
        gatewayP50,
        median(rounds, 2),
        median(rounds, 3),
        median(rounds, 4),
        median(rounds, 5),
        median(rounds, 9),
        median(rounds, 10),
        median(rounds, 11),
        gatewayP50 / directP50,
        gatewayP50 - directP50,
        median(rounds, 5) / median(rounds, 4),
        median(rounds, 6),
        median(rounds, 7),
        median(rounds, 8),
        median(rounds, 13),
        median(rounds, 14),
        least(rounds, 15),
        most(rounds, 15),
        least(rounds, 16),
        most(rounds, 16),
        least(rounds, 18),
        most(rounds, 18),
        least(rounds, 17),
        most(rounds, 17),
        startHandOff,
        startCache,
        startMemory);
  }

  private static double least(List<double[]> rounds, int column) {
    return rounds.stream().mapToDouble(r -> r[column]).min().orElse(0);
  }

  private static double most(List<double[]> rounds, int column) {
    return rounds.stream().mapToDouble(r -> r[column]).max().orElse(0);
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

  /**
   * Requests per second that a fixed pool of clients, each waiting for its answer, reaches, and the
   * CPU time the gateway's and the service's JVMs spent per completed request meanwhile (what a
   * request costs, steadier on a shared machine than its latency).
   */
  private Load throughput(URI target, String token, Duration duration, Jvms jvms)
      throws InterruptedException {
    Duration gatewayCpu = cpu(jvms.gateway());
    Duration serviceCpu = cpu(jvms.service());
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
    double requests = Math.max(1, completed.get());
    return new Load(
        completed.get() / (double) duration.toSeconds(),
        cpu(jvms.gateway()).minus(gatewayCpu).toNanos() / 1e6 / requests,
        cpu(jvms.service()).minus(serviceCpu).toNanos() / 1e6 / requests);
  }

  /** The same GET straight to the service, through the bare relay, and through the gateway. */
  private record Paths(URI direct, URI relay, URI gateway) {}

  /** The JVMs whose CPU time is counted: the gateway and the service behind the route. */
  private record Jvms(ProcessHandle gateway, ProcessHandle service) {}

  private record Load(double perSecond, double gatewayCpuMillis, double serviceCpuMillis) {}

  private static Duration cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
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
