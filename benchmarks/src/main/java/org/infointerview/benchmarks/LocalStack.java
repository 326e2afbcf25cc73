package org.infointerview.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.infointerview.localrun.LocalPorts;
import org.springframework.util.FileSystemUtils;

/**
 * The README's local run on offset ports, started for a benchmark and stopped after it. The
 * services run as in their container image under a 512 MB limit (full JIT, serial GC, the image's
 * heap of 75 % of the limit from the start: 384 MB), not with the local run's start-up flags (C1
 * only); {@code LOCAL_RUN_JVM_OPTIONS} overrides. Each benchmark has an offset of its own that
 * keeps every port below 32768: above it, in Linux's ephemeral range, an outgoing connection can
 * hold a port as its source port, and the stack would not start.
 */
final class LocalStack implements AutoCloseable {

  static final String SERVICE_JVM =
      System.getenv()
          .getOrDefault(
              "LOCAL_RUN_JVM_OPTIONS",
              "-Xms384m -Xmx384m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m"
                  + " -XX:+ExitOnOutOfMemoryError");

  private final Process process;
  private final LocalPorts ports;
  private final Path data;

  private LocalStack(Process process, LocalPorts ports, Path data) {
    this.process = process;
    this.ports = ports;
    this.data = data;
  }

  static LocalStack start(int offset, Map<String, String> environment)
      throws IOException, InterruptedException {
    return start(offset, environment, List.of());
  }

  /** Starts it with extra local-run options, such as {@code --without=interviews-service}. */
  static LocalStack start(int offset, Map<String, String> environment, List<String> options)
      throws IOException, InterruptedException {
    Path jar = Path.of("local-run", "target", "local-run.jar");
    Path data = Path.of("target", "benchmark-" + UUID.randomUUID());
    if (!Files.exists(jar)) {
      throw new IllegalStateException("Build first: ./mvnw -B -q package -DskipTests");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--data=" + data,
                "--port-offset=" + offset,
                // measured on an empty system: no demo data
                "--demo-data=false"));
    command.addAll(options);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("LOCAL_RUN_JVM_OPTIONS", SERVICE_JVM);
    builder.environment().putAll(environment);
    Process process = builder.start();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = lines.readLine()) != null) {
      System.out.println(line);
      if (line.contains("InfoInterview is ready")) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    for (String more = lines.readLine(); more != null; more = lines.readLine()) {
                      if (more.contains(" WARN ")
                          || more.contains(" ERROR ")
                          || more.startsWith("[local-run]")
                          || more.contains("Import ")) {
                        System.out.println(more);
                      }
                    }
                  } catch (IOException ignored) {
                    // the stack stopped
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return new LocalStack(process, new LocalPorts(offset), data);
      }
    }
    throw new IllegalStateException("The local run did not start");
  }

  LocalPorts ports() {
    return ports;
  }

  /** A service's log file. */
  Path log(String module) {
    return data.resolve("logs").resolve(module + ".log");
  }

  /**
   * Every process of the stack: the launcher (with the dev infrastructure), Kafka, the services.
   */
  List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process.toHandle());
    process.toHandle().descendants().forEach(all::add);
    return all;
  }

  /** The JVM running a module's jar, such as {@code gateway}. */
  ProcessHandle service(String module) {
    String jar = "/" + module + "/target/" + module + "-";
    return process
        .toHandle()
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(jar))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(module + " is not running"));
  }

  /**
   * Stops the run, then deletes its broker's and store's files (a 200,000-row import leaves 1.5 GB
   * of them: every run's stayed in {@code target} until the disk filled); the services' logs stay.
   */
  @Override
  public void close() throws InterruptedException {
    process.toHandle().descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    process.waitFor(60, TimeUnit.SECONDS);
    if (!process.isAlive()) {
      try {
        FileSystemUtils.deleteRecursively(data.resolve("kafka"));
        FileSystemUtils.deleteRecursively(data.resolve("mongo"));
      } catch (IOException e) {
        System.out.println("could not delete the run's files in " + data + ": " + e);
      }
    }
  }
}
