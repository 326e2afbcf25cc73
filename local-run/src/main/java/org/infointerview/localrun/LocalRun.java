package org.infointerview.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.infointerview.kafkabroker.KafkaServerProcess;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole system on this machine, without Docker, and stops it on Ctrl-C.
 *
 * <p>Options: {@code --data=DIR} (default {@code .local}: Kafka's log, the store's file, the logs),
 * {@code --root=DIR} (the repository, where the service jars were built; default the current
 * folder), {@code --port-offset=N} (moves every port by N), {@code --without=SERVICE,...} (not
 * started: run it from the IDE), {@code --second-instance=SERVICE,...} (a second instance beside
 * the first, on {@link LocalPorts#secondInstance}: consumers and background work are shared between
 * the two; the gateway keeps calling the first), {@code --demo-data=false} (no demo data on a first
 * run: {@link DemoData}).
 */
public final class LocalRun {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

  private final Path root;
  private final Path data;
  private final LocalPorts ports;
  private final KafkaServerProcess kafka;
  private final List<ServiceProcess> services = new ArrayList<>();
  private final Set<String> without;
  private final Set<String> twice;
  private final boolean demoData;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private @Nullable ConfigurableApplicationContext infrastructure;

  LocalRun(
      Path root,
      Path data,
      LocalPorts ports,
      Set<String> without,
      Set<String> twice,
      boolean demoData) {
    this.demoData = demoData;
    this.without = Set.copyOf(without);
    this.twice = Set.copyOf(twice);
    this.root = root.toAbsolutePath().normalize();
    this.data = data.toAbsolutePath().normalize();
    this.ports = ports;
    this.kafka =
        new KafkaServerProcess(
            ports.kafka(),
            ports.kafkaController(),
            this.data.resolve("kafka"),
            this.data.resolve("logs").resolve("kafka.log"),
            List.of(
                "-Xms32m",
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:MaxMetaspaceSize=128m"));
  }

  /**
   * The launcher's own JVM, which also holds the dev infrastructure (the OIDC provider, the store,
   * SMTP): bounded like every process it runs. Started from {@code java -jar} without flags, the
   * launcher runs itself again with these and only waits for that JVM.
   *
   * <p>G1, unlike the services' serial collector: the store makes garbage fast under load (100 MB/s
   * and more while mail goes out) and keeps some of it for seconds (the H2 store's unsaved pages
   * and cache), so the serial collector's old generation filled every 5-30 s and each full
   * collection stopped the store, and every service waiting on it, for 70-110 ms; a larger young
   * generation did not prevent it. G1 collects the old generation while the store runs.
   */
  static final List<String> LAUNCHER_JVM_OPTIONS =
      List.of(
          "-Xms32m",
          "-Xmx320m",
          "-Xss512k",
          "-XX:+UseG1GC",
          "-XX:MaxGCPauseMillis=10",
          "-XX:TieredStopAtLevel=1",
          "-XX:MaxMetaspaceSize=192m",
          "-XX:ReservedCodeCacheSize=64m",
          "-XX:+ExitOnOutOfMemoryError");

  private static final String BOUNDED = "infointerview.local.bounded";

  /** Each service's JVM flags unless {@code LOCAL_RUN_JVM_OPTIONS} says otherwise. */
  public static final List<String> SERVICE_JVM_DEFAULTS =
      List.of(
          "-Xms48m",
          "-Xmx192m",
          "-Xss512k",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-XX:MaxMetaspaceSize=160m",
          "-XX:ReservedCodeCacheSize=48m",
          "-XX:+ExitOnOutOfMemoryError");

  public static void main(String[] args) {
    if (!Boolean.getBoolean(BOUNDED)) {
      System.exit(runBounded(args));
    }
    Map<String, String> options = options(args);
    LocalRun run =
        new LocalRun(
            Path.of(options.getOrDefault("root", ".")),
            Path.of(options.getOrDefault("data", ".local")),
            new LocalPorts(Integer.parseInt(options.getOrDefault("port-offset", "0"))),
            names(options.getOrDefault("without", "")),
            names(options.getOrDefault("second-instance", "")),
            !"false".equals(options.getOrDefault("demo-data", "true")));
    Runtime.getRuntime().addShutdownHook(new Thread(run::stop, "local-run-shutdown"));
    try {
      run.start();
    } catch (RuntimeException e) {
      System.err.println("\nThe local run could not start: " + e.getMessage());
      run.stop();
      System.exit(1);
    }
    run.awaitStop();
  }

  /**
   * Runs the launcher in a JVM of bounded heap and waits for it: Ctrl-C reaches both (one process
   * group), a plain stop of this one is passed on, and its exit code becomes this one's. Should it
   * end without stopping Kafka and the services (killed, out of memory), they are stopped here.
   */
  private static int runBounded(String[] args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(LAUNCHER_JVM_OPTIONS);
    command.add("-D" + BOUNDED + "=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LocalRun.class.getName());
    command.addAll(List.of(args));
    Process bounded;
    try {
      bounded = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException e) {
      System.err.println("The local run could not start its launcher: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  bounded.destroy();
                  try {
                    bounded.waitFor(90, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "local-run-stop-launcher"));
    try {
      return new Leftovers(bounded, Duration.ofSeconds(20)).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  void start() {
    Instant begin = Instant.now();
    requireFreePorts();
    createDirectories(data.resolve("logs"));
    say("Starting Kafka (KRaft, port %d), logs in %s", ports.kafka(), data.resolve("logs"));
    CompletableFuture<Void> kafkaReady =
        CompletableFuture.runAsync(() -> kafka.start(Duration.ofSeconds(120)));
    say(
        "Starting the dev infrastructure: OIDC provider :%d, MongoDB :%d, SMTP :%d",
        ports.identityProvider(), ports.mongo(), ports.smtp());
    infrastructure =
        new SpringApplicationBuilder(DevInfrastructure.class)
            .properties(infrastructureProperties())
            .run();
    kafkaReady.join();
    say("Kafka is ready; starting the services");

    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    environment.put("OIDC_ISSUER_URI", ports.issuer());
    environment.put("SMTP_HOST", "127.0.0.1");
    environment.put("SMTP_PORT", String.valueOf(ports.smtp()));
    environment.put("CONTACTS_SERVICE_URI", "http://127.0.0.1:" + ports.contacts());
    environment.put("INTERVIEWS_SERVICE_URI", "http://127.0.0.1:" + ports.interviews());
    environment.put("NOTIFICATIONS_SERVICE_URI", "http://127.0.0.1:" + ports.notifications());
    if (!without.contains("web-ui")) {
      // The pages behind the gateway: every address it does not answer itself goes there.
      environment.put("WEB_UI_URI", "http://127.0.0.1:" + ports.webUi());
    }
    // Where people reach the gateway, so links in mail lead to this run whatever its port offset.
    environment.put("GATEWAY_PUBLIC_URL", "http://localhost:" + ports.gateway());
    // Plain HTTP on localhost: the session cookie cannot be Secure here (it is in production).
    environment.put("SESSION_COOKIE_SECURE", "false");
    // A fixed key for this machine's demo data only, so answer links in the mail viewer outlive a
    // restart of interviews-service; a deployment sets its own secret.
    environment.put(
        "INTERVIEWS_ANSWER_LINK_SECRET", "local-run-only-answer-links-key-not-for-production");
    // notifications-service's own client at the dev provider, and the key of its unsubscribe links
    environment.put("NOTIFICATIONS_CLIENT_SECRET", "local-run-only-notifications-secret");
    environment.put(
        "NOTIFICATIONS_LINK_SECRET", "local-run-only-unsubscribe-links-key-not-for-production");
    service("contacts-service", ports.contacts(), "contacts", environment);
    service("interviews-service", ports.interviews(), "interviews", environment);
    service("notifications-service", ports.notifications(), "notifications", environment);
    service("web-ui", ports.webUi(), null, environment);
    service("gateway", ports.gateway(), null, environment);
    services.forEach(ServiceProcess::start);
    List<CompletableFuture<Void>> healthy =
        services.stream()
            .map(s -> CompletableFuture.runAsync(() -> s.awaitHealthy(START_TIMEOUT)))
            .toList();
    CompletableFuture.allOf(healthy.toArray(CompletableFuture[]::new)).join();
    services.forEach(service -> service.watch(message -> say("%s", message)));
    makeDemoData();

    Duration took = Duration.between(begin, Instant.now());
    banner(took);
  }

  /** On a first run, what a newcomer should see instead of an empty product ({@link DemoData}). */
  private void makeDemoData() {
    if (!demoData || !without.isEmpty() || DemoData.made(data)) {
      return;
    }
    say("Making demo data (once per data folder; --demo-data=false skips it)");
    try {
      String made = new DemoData(ports).make();
      DemoData.markMade(data);
      say("Demo data: %s", made);
    } catch (IOException | RuntimeException e) {
      say("The demo data could not be made (the system runs without it): %s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void service(
      String name, int port, @Nullable String database, Map<String, String> shared) {
    if (without.contains(name)) {
      say("Not starting %s (--without): run it from your IDE on port %d", name, port);
      return;
    }
    Map<String, String> environment = new LinkedHashMap<>(shared);
    if (database != null) {
      environment.put("MONGODB_URI", "mongodb://127.0.0.1:" + ports.mongo() + "/" + database);
    }
    services.add(
        new ServiceProcess(
            name,
            port,
            ServiceProcess.jarOf(root, name),
            data.resolve("logs").resolve(name + ".log"),
            environment));
    if (twice.contains(name)) {
      services.add(
          new ServiceProcess(
              name + " (second instance)",
              LocalPorts.secondInstance(port),
              ServiceProcess.jarOf(root, name),
              data.resolve("logs").resolve(name + "-2.log"),
              environment));
    }
  }

  /** Refuses to start beside another stack (or anything else) on the same ports. */
  private void requireFreePorts() {
    List<Integer> wanted =
        new ArrayList<>(
            List.of(
                ports.identityProvider(),
                ports.mailViewer(),
                ports.kafka(),
                ports.kafkaController(),
                ports.mongo(),
                ports.smtp(),
                ports.imap()));
    Map.of(
            "gateway", ports.gateway(),
            "contacts-service", ports.contacts(),
            "interviews-service", ports.interviews(),
            "notifications-service", ports.notifications(),
            "web-ui", ports.webUi())
        .forEach(
            (service, port) -> {
              if (!without.contains(service)) {
                wanted.add(port);
                wanted.add(LocalPorts.management(port));
              }
              if (twice.contains(service)) {
                wanted.add(LocalPorts.secondInstance(port));
                wanted.add(LocalPorts.management(LocalPorts.secondInstance(port)));
              }
            });
    List<Integer> taken = new ArrayList<>();
    for (int port : wanted) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", port));
      } catch (IOException e) {
        taken.add(port);
      }
    }
    if (!taken.isEmpty()) {
      throw new IllegalStateException(
          "ports "
              + taken
              + " are in use: is another local run up? Stop it, or start this one with"
              + " --port-offset=N");
    }
  }

  private Map<String, Object> infrastructureProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("server.port", ports.identityProvider());
    properties.put("server.address", "127.0.0.1");
    properties.put("spring.security.oauth2.authorizationserver.issuer", ports.issuer());
    properties.put("infointerview.local.gateway-url", "http://localhost:" + ports.gateway());
    properties.put("infointerview.local.data", data.toString());
    properties.put("infointerview.local.mongo-port", ports.mongo());
    properties.put("infointerview.local.smtp-port", ports.smtp());
    properties.put("infointerview.local.imap-port", ports.imap());
    properties.put("infointerview.local.mail-viewer-port", ports.mailViewer());
    return properties;
  }

  private void banner(Duration took) {
    StringBuilder out = new StringBuilder();
    out.append("\nInfoInterview is ready in ")
        .append(took.toSeconds())
        .append(" s.\n\n")
        .append("  Open in a browser  http://localhost:")
        .append(ports.gateway())
        .append("/   (sign in with a demo login below)\n")
        .append("  Gateway (API)      http://localhost:")
        .append(ports.gateway())
        .append("/api/{contacts,interviews,notifications}/...\n")
        .append("  API documentation  http://localhost:")
        .append(ports.gateway())
        .append("/docs\n")
        .append("  OIDC provider      ")
        .append(ports.issuer())
        .append("\n")
        .append("  Mail viewer        http://localhost:")
        .append(ports.mailViewer())
        .append("/   (SMTP :")
        .append(ports.smtp())
        .append(", IMAP :")
        .append(ports.imap())
        .append(")\n")
        .append("  MongoDB            mongodb://localhost:")
        .append(ports.mongo())
        .append("\n")
        .append("  Kafka              ")
        .append(kafka.bootstrapServers())
        .append("\n")
        .append("  Metrics, health    http://localhost:")
        .append(LocalPorts.management(ports.gateway()))
        .append("-")
        .append(LocalPorts.management(ports.webUi()))
        .append("/actuator/{health,metrics}   (management ports, not via the gateway)\n")
        .append("  Logs               ")
        .append(data.resolve("logs"))
        .append("\n\n  Demo logins (user / password):\n");
    for (DemoUsers.DemoUser user : DemoUsers.ALL) {
      out.append(
          String.format("    %-8s / %-8s  %s%n", user.username(), user.password(), user.role()));
    }
    out.append("\n  A token for the API: java -cp local-run/target/local-run.jar")
        .append(" org.infointerview.localrun.DevLogin student")
        .append(ports.offset() == 0 ? "" : " --port-offset=" + ports.offset())
        .append("\n\nPress Ctrl-C to stop everything.\n");
    System.out.println(out);
    System.out.flush();
  }

  void awaitStop() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the services, then Kafka, then the dev infrastructure. Safe to call twice. */
  synchronized void stop() {
    if (stopped.getCount() == 0) {
      return;
    }
    say("Stopping");
    services.parallelStream().forEach(ServiceProcess::stop);
    kafka.stop();
    if (infrastructure != null) {
      infrastructure.close();
    }
    say("Stopped");
    stopped.countDown();
  }

  private static Set<String> names(String list) {
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException(
            "Unknown argument "
                + arg
                + "; use --data=DIR, --root=DIR, --port-offset=N, --without=SERVICE,...,"
                + " --second-instance=SERVICE,..., --demo-data=false");
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }

  private static void createDirectories(Path path) {
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void say(String format, Object... arguments) {
    System.out.printf("[local-run] " + format + "%n", arguments);
    System.out.flush();
  }
}
