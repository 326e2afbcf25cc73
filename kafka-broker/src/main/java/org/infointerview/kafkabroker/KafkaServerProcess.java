package org.infointerview.kafkabroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) in its own JVM, started
 * from the {@code kafka_2.13} jars on this class path: {@code kafka.Kafka server.properties}. The
 * port and the data folder are fixed, so the broker can be stopped and started again with its data,
 * and several JVMs can share it. Used by the local run and by broker-restart tests.
 */
public final class KafkaServerProcess implements AutoCloseable {

  /** Partitions of each topic the broker creates: more than one, so ordering by key is tested. */
  public static final int PARTITIONS = 3;

  private final int port;
  private final int controllerPort;
  private final Path dataDirectory;
  private final Path logFile;
  private final List<String> jvmOptions;
  private @Nullable Process process;

  /**
   * @param port the client port (PLAINTEXT on 127.0.0.1)
   * @param controllerPort the KRaft controller port
   * @param dataDirectory where the log segments and the configuration live; kept between starts
   * @param logFile where the broker's output goes (appended)
   * @param jvmOptions options for the broker's JVM, such as {@code -Xmx384m}
   */
  public KafkaServerProcess(
      int port, int controllerPort, Path dataDirectory, Path logFile, List<String> jvmOptions) {
    this.port = port;
    this.controllerPort = controllerPort;
    this.dataDirectory = dataDirectory.toAbsolutePath();
    this.logFile = logFile.toAbsolutePath();
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Formats the data folder on first use, starts the broker and waits until it answers. */
  public synchronized void start(Duration timeout) {
    if (isRunning()) {
      return;
    }
    try {
      Files.createDirectories(dataDirectory);
      Files.createDirectories(logFile.getParent());
      Path config = writeConfiguration();
      if (!Files.exists(dataDirectory.resolve("log").resolve("meta.properties"))) {
        format(config);
      }
      process = launch("kafka.Kafka", config.toString()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start Kafka in " + dataDirectory, e);
    }
    awaitReady(timeout);
  }

  /** A controlled shutdown, as an operator would do. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    process = null;
  }

  @Override
  public void close() {
    stop();
  }

  private Path writeConfiguration() throws IOException {
    Properties properties = new Properties();
    properties.putAll(
        Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", "1"),
            Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
            Map.entry(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
            Map.entry("controller.listener.names", "CONTROLLER"),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
            Map.entry("log.dirs", dataDirectory.resolve("log").toString()),
            Map.entry("num.partitions", String.valueOf(PARTITIONS)),
            Map.entry("auto.create.topics.enable", "true"),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("log.retention.hours", "168"),
            // The log cleaner's map of keys for compacted topics (consumer offsets, contact
            // addresses) is one heap buffer of this size for as long as the broker runs: 128 MB
            // by default, two thirds of this broker's live heap, which made every collection of
            // its old generation long and frequent. 16 MB holds 700,000 keys per cleaning pass.
            Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024))));
    Path config = dataDirectory.resolve("server.properties");
    try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      properties.store(out, "single-node KRaft broker written by KafkaServerProcess");
    }
    Files.writeString(
        dataDirectory.resolve("logback.xml"),
        """
        <configuration>
          <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
          </appender>
          <root level="WARN"><appender-ref ref="out"/></root>
          <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
          <logger name="kafka.server.BrokerServer" level="INFO"/>
        </configuration>
        """);
    return config;
  }

  private void format(Path config) throws IOException {
    Process formatter =
        launch(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                config.toString())
            .start();
    try {
      if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
        throw new IllegalStateException(
            "Formatting Kafka storage failed; see " + logFile + "\n" + tail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
    }
  }

  private ProcessBuilder launch(String mainClass, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Dlogback.configurationFile=" + dataDirectory.resolve("logback.xml"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
  }

  private void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
    try (Admin admin = Admin.create(config)) {
      while (Instant.now().isBefore(deadline)) {
        if (process == null || !process.isAlive()) {
          throw new IllegalStateException("Kafka exited while starting:\n" + tail());
        }
        try {
          if (!admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(2000))
              .nodes()
              .get(3, TimeUnit.SECONDS)
              .isEmpty()) {
            return;
          }
        } catch (Exception notYet) {
          // the broker is still coming up: ask again
        }
      }
    }
    throw new IllegalStateException("Kafka did not answer within " + timeout + ":\n" + tail());
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log at " + logFile + ")";
    }
  }
}
