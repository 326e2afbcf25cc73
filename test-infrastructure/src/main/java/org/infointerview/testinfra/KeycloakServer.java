package org.infointerview.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Keycloak with one realm imported, in development mode (HTTP, its own H2 store), following
 * the same switch as {@link Infrastructure}: the pinned image when a Docker engine answers,
 * otherwise Keycloak's own distribution from Maven Central ({@code
 * org.keycloak:keycloak-quarkus-dist}), which the module's build unpacks and names in the system
 * property {@value #DIST_PROPERTY}. Keycloak 26 needs Java 21 or newer: {@code KEYCLOAK_JAVA_HOME}
 * when set, else the JVM running the tests if it is one, else the newest JDK 21+ found beside it or
 * in {@code /usr/lib/jvm}.
 *
 * <p>Every address Keycloak gives (the issuer in tokens, its endpoints) is {@code
 * http://localhost:<port>}, as a browser and a gateway on this machine reach it.
 */
public final class KeycloakServer implements AutoCloseable {

  /** The version in {@code docker-compose.yml}; the distribution unpacked by the build is this. */
  public static final String VERSION = "26.4.5";

  /** The pinned image, the one {@code docker-compose.yml} runs. */
  public static final String IMAGE = "quay.io/keycloak/keycloak:" + VERSION;

  /** Where the build unpacked the distribution. */
  public static final String DIST_PROPERTY = "infointerview.keycloak.dist";

  private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final String baseUri;
  private final AutoCloseable shutdown;

  private KeycloakServer(String baseUri, AutoCloseable shutdown) {
    this.baseUri = baseUri;
    this.shutdown = shutdown;
  }

  /** Starts Keycloak with this realm (a realm export's JSON) imported, and waits until it is up. */
  public static KeycloakServer start(String realmJson) {
    return start(List.of(realmJson), Map.of());
  }

  /**
   * Starts Keycloak with these realms imported (each of its own name) and these environment
   * variables set (which the realm files' {@code ${NAME}} placeholders read), and waits until it is
   * up.
   */
  public static KeycloakServer start(List<String> realmsJson, Map<String, String> environment) {
    KeycloakServer server =
        Infrastructure.useContainers()
            ? container(realmsJson, environment)
            : process(realmsJson, environment);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keycloak-shutdown"));
    log.info("Test Keycloak: {}", server.baseUri);
    return server;
  }

  /** {@code http://localhost:<port>}. */
  public String baseUri() {
    return baseUri;
  }

  /** A realm's issuer, as its tokens name it. */
  public String issuerUri(String realm) {
    return baseUri + "/realms/" + realm;
  }

  @Override
  public void close() {
    try {
      shutdown.close();
    } catch (Exception e) {
      log.warn("Stopping Keycloak at {} failed", baseUri, e);
    }
  }

  private static KeycloakServer container(
      List<String> realmsJson, Map<String, String> environment) {
    GenericContainer<?> keycloak =
        new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withCommand("start-dev", "--import-realm", "--health-enabled=true")
            .withEnv(environment)
            .withEnv("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m")
            .withExposedPorts(8080, 9000)
            .waitingFor(
                Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(START_TIMEOUT));
    for (int i = 0; i < realmsJson.size(); i++) {
      keycloak.withCopyToContainer(
          Transferable.of(realmsJson.get(i).getBytes(StandardCharsets.UTF_8)),
          "/opt/keycloak/data/import/realm-" + i + ".json");
    }
    keycloak.start();
    // The engine's host as Testcontainers knows it (a remote DOCKER_HOST, a host override), not
    // localhost.
    return new KeycloakServer(
        "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080), keycloak::stop);
  }

  private static KeycloakServer process(List<String> realmsJson, Map<String, String> environment) {
    Path dist = distribution();
    Path java = javaHome();
    int port = freePort();
    int management = freePort();
    try {
      // A fresh store per start: the realm is imported from the file, never from a last run.
      deleteRecursively(dist.resolve("data"));
      Path imports = Files.createDirectories(dist.resolve("data/import"));
      for (int i = 0; i < realmsJson.size(); i++) {
        Files.writeString(imports.resolve("realm-" + i + ".json"), realmsJson.get(i));
      }
      Path log = Files.createTempFile("keycloak-" + port + "-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  "bash",
                  dist.resolve("bin/kc.sh").toString(),
                  "start-dev",
                  "--import-realm",
                  "--health-enabled=true",
                  "--http-host=127.0.0.1",
                  "--http-port=" + port,
                  "--http-management-port=" + management)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      builder.environment().put("JAVA_HOME", java.toString());
      builder
          .environment()
          .put("PATH", java.resolve("bin") + ":" + builder.environment().getOrDefault("PATH", ""));
      builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
      Process process = builder.start();
      AutoCloseable stop =
          () -> {
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            all.add(process.toHandle());
            all.forEach(ProcessHandle::destroy);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
              all.forEach(ProcessHandle::destroyForcibly);
            }
          };
      try {
        awaitReady(
            URI.create("http://127.0.0.1:" + management + "/health/ready"), process, log, java);
      } catch (RuntimeException e) {
        stop.close();
        throw e;
      }
      return new KeycloakServer("http://localhost:" + port, stop);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start Keycloak from " + dist, e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path distribution() {
    String configured = System.getProperty(DIST_PROPERTY);
    if (configured == null || !Files.isRegularFile(Path.of(configured, "bin/kc.sh"))) {
      throw new IllegalStateException(
          "These tests need Keycloak: without a Docker engine they run its distribution, which"
              + " the build unpacks (maven-dependency-plugin, org.keycloak:keycloak-quarkus-dist:"
              + VERSION
              + ") and names in -D"
              + DIST_PROPERTY
              + "; found "
              + configured
              + ". Run them through ./mvnw verify.");
    }
    return Path.of(configured);
  }

  /** A JDK that Keycloak runs on (21 or newer). */
  static Path javaHome() {
    String configured = System.getenv("KEYCLOAK_JAVA_HOME");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path running = Path.of(System.getProperty("java.home"));
    if (Runtime.version().feature() >= 21) {
      return running;
    }
    List<Path> places = new ArrayList<>();
    if (running.getParent() != null) {
      places.add(running.getParent());
    }
    places.add(Path.of("/usr/lib/jvm"));
    return places.stream()
        .flatMap(KeycloakServer::children)
        .filter(home -> Files.isExecutable(home.resolve("bin/java")))
        .filter(home -> feature(home) >= 21)
        .max(Comparator.comparingInt(KeycloakServer::feature))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Keycloak "
                        + VERSION
                        + " needs Java 21 or newer, and this build runs on Java "
                        + Runtime.version().feature()
                        + " with no newer JDK beside it or in /usr/lib/jvm: install one (Debian:"
                        + " apt-get install openjdk-21-jdk-headless; .ci/run does) or set"
                        + " KEYCLOAK_JAVA_HOME."));
  }

  private static Stream<Path> children(Path directory) {
    try (Stream<Path> list = Files.list(directory)) {
      return list.toList().stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  /** The feature release a JDK's {@code release} file names, 0 when it names none. */
  private static int feature(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return 0;
    }
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(release)) {
      properties.load(in);
    } catch (IOException e) {
      return 0;
    }
    String version = properties.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
    try {
      return Integer.parseInt(version.split("[.+-]")[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void awaitReady(URI health, Process process, Path log, Path java)
      throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak (on " + java + ") exited:\n" + tail(Files.readString(log)));
      }
      @Nullable HttpResponse<String> answer = null;
      try {
        answer =
            http.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
      }
      if (answer != null && answer.statusCode() == 200 && answer.body().contains("UP")) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
      }
    }
    throw new IllegalStateException(
        "Keycloak was not ready within " + START_TIMEOUT + ":\n" + tail(Files.readString(log)));
  }

  private static String tail(String text) {
    return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
