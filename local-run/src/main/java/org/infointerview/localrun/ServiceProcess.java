package org.infointerview.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
          : LocalRun.SERVICE_JVM_DEFAULTS;

  private final String name;
  private final int port;
  private final Path jar;
  private final Path log;
  private final Map<String, String> environment;
  private @Nullable Process process;
  private volatile boolean stopping;
  private volatile Duration backoff = Duration.ofSeconds(1);

  private static final Duration STEADY = Duration.ofMinutes(2);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

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

  /**
   * Watches the process as an orchestrator would: when it exits without being asked to, says which
   * one died and why (its exit code and the last lines of its log) and starts it again, waiting 1,
   * 2, 4 ... up to 30 s between tries (back to 1 s once it has run for two minutes).
   */
  void watch(Consumer<String> say) {
    Process running = process;
    if (running == null) {
      return;
    }
    Instant started = Instant.now();
    running
        .onExit()
        .thenAccept(
            exited -> {
              if (stopping) {
                return;
              }
              if (Duration.between(started, Instant.now()).compareTo(STEADY) > 0) {
                backoff = Duration.ofSeconds(1);
              }
              say.accept(
                  name
                      + " exited ("
                      + why(exited.exitValue())
                      + "); its last log lines:\n"
                      + lastLines(12)
                      + "\n    starting it again in "
                      + backoff.toSeconds()
                      + " s");
              Duration wait = backoff;
              backoff =
                  backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                      ? MAX_BACKOFF
                      : backoff.multipliedBy(2);
              restart(wait, say);
            });
  }

  private void restart(Duration wait, Consumer<String> say) {
    CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              if (stopping) {
                return;
              }
              Instant begin = Instant.now();
              try {
                start();
                watch(say);
                awaitHealthy(Duration.ofSeconds(150));
                say.accept(
                    name
                        + " is back (healthy in "
                        + Duration.between(begin, Instant.now()).toSeconds()
                        + " s)");
              } catch (RuntimeException e) {
                say.accept(name + " did not come back: " + e.getMessage());
              }
            });
  }

  private static String why(int exitCode) {
    return switch (exitCode) {
      case 3 -> "exit code 3: out of memory";
      case 137 -> "exit code 137: killed";
      case 143 -> "exit code 143: terminated";
      default -> "exit code " + exitCode;
    };
  }

  /** The last lines of the log, indented; what there is when the log cannot be read. */
  private String lastLines(int count) {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      Deque<String> last = new ArrayDeque<>(count);
      lines.forEach(
          line -> {
            if (last.size() == count) {
              last.removeFirst();
            }
            last.addLast(line.length() > 300 ? line.substring(0, 300) + " ..." : line);
          });
      return last.stream().map(l -> "    | " + l).collect(Collectors.joining("\n"));
    } catch (IOException | UncheckedIOException e) {
      return "    (see " + log + ")";
    }
  }

  /** Asks the JVM to stop (graceful shutdown), then ends it if it lingers; no restart follows. */
  void stop() {
    stopping = true;
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
