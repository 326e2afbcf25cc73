package org.infointerview.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** One service of the system in its own low-memory JVM, started from its built jar. */
final class ServiceProcess {

  /**
   * JVM flags for a small service on a small machine: fast start, modest heap. The environment
   * variable {@code LOCAL_RUN_JVM_OPTIONS} replaces them (space-separated), for example to measure
   * with the full JIT.
   */
  static final List<String> JVM_OPTIONS =
      System.getenv("LOCAL_RUN_JVM_OPTIONS") != null
          ? List.of(System.getenv("LOCAL_RUN_JVM_OPTIONS").trim().split("\\s+"))
          : List.of(
              "-Xms48m",
              "-Xmx192m",
              "-Xss512k",
              "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1",
              "-XX:MaxMetaspaceSize=160m",
              "-XX:ReservedCodeCacheSize=48m",
              "-XX:+ExitOnOutOfMemoryError");

  private final String name;
  private final int port;
  private final Path jar;
  private final Path log;
  private final Map<String, String> environment;
  private @Nullable Process process;

  ServiceProcess(String name, int port, Path jar, Path log, Map<String, String> environment) {
    this.name = name;
    this.port = port;
    this.jar = jar;
    this.log = log;
    this.environment = Map.copyOf(environment);
  }

  /** The built jar of a module: {@code <root>/<module>/target/<module>-<version>.jar}. */
  static Path jarOf(Path root, String module) {
    Path target = root.resolve(module).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(module + "-"))
          .filter(f -> f.getFileName().toString().endsWith(".jar"))
          .findFirst()
          .orElseThrow(() -> notBuilt(module));
    } catch (IOException e) {
      throw notBuilt(module);
    }
  }

  private static IllegalStateException notBuilt(String module) {
    return new IllegalStateException(
        module + " is not built: run ./mvnw -B package -DskipTests from the repository root");
  }

  void start() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("MANAGEMENT_PORT", String.valueOf(LocalPorts.management(port)));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + name, e);
    }
  }

  /**
   * Waits until {@code /actuator/health} on the management port answers UP (the store and the
   * broker reachable); fails early when the JVM exits.
   */
  void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + LocalPorts.management(port) + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (process == null || !process.isAlive()) {
        throw new IllegalStateException(name + " exited while starting; see " + log);
      }
      try {
        HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + name, e);
      }
      try {
        process.waitFor(500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + name, e);
      }
    }
    throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + log);
  }

  /** Asks the JVM to stop (graceful shutdown), then ends it if it lingers. */
  void stop() {
    Process running = process;
    if (running == null) {
      return;
    }
    running.destroy();
    try {
      if (!running.waitFor(20, TimeUnit.SECONDS)) {
        running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.destroyForcibly();
    }
  }
}
