package org.infointerview.testinfra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Redis server for a test, following the same switch as {@link Infrastructure}: the pinned
 * {@code redis} image when a Docker engine answers, otherwise the {@code redis-server} program of
 * this machine (Debian's {@code redis-server} package; {@code .ci/run} installs it), on a free
 * loopback port with nothing kept on disk. Each call starts a server of its own, so a test may stop
 * it to see what happens without Redis.
 */
public final class RedisServer implements AutoCloseable {

  /** The pinned image. */
  public static final String IMAGE = "redis:7.4.2";

  private static final Logger log = LoggerFactory.getLogger(RedisServer.class);

  private final String uri;
  private final AutoCloseable shutdown;
  private boolean stopped;

  private RedisServer(String uri, AutoCloseable shutdown) {
    this.uri = uri;
    this.shutdown = shutdown;
  }

  /** Starts a server and waits until it answers. */
  public static RedisServer start() {
    RedisServer server = Infrastructure.useContainers() ? container() : process();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "redis-shutdown"));
    log.info("Test Redis: {}", server.uri);
    return server;
  }

  /** Where clients connect: {@code redis://host:port}. */
  public String uri() {
    return uri;
  }

  /** Stops the server, as an outage would. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      shutdown.close();
    } catch (Exception e) {
      log.warn("Stopping Redis at {} failed", uri, e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static RedisServer container() {
    GenericContainer<?> redis =
        new GenericContainer<>(DockerImageName.parse(IMAGE)).withExposedPorts(6379);
    redis.start();
    return new RedisServer(
        "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379), redis::stop);
  }

  private static RedisServer process() {
    Path program =
        program()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "These tests need a Redis server: without a Docker engine they run the"
                            + " redis-server program, which is not on this machine's PATH"
                            + " (Debian and Ubuntu: apt-get install redis-server; .ci/run installs"
                            + " it)."));
    int port = freePort();
    try {
      Path log = Files.createTempFile("redis-" + port + "-", ".log");
      Process process =
          new ProcessBuilder(
                  program.toString(),
                  "--port",
                  String.valueOf(port),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no",
                  "--dir",
                  log.getParent().toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      awaitPong(port, process, log, Duration.ofSeconds(20));
      return new RedisServer(
          "redis://127.0.0.1:" + port,
          () -> {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
              process.destroyForcibly();
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + program, e);
    }
  }

  private static Optional<Path> program() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.concat(
            Stream.of(path.split(File.pathSeparator)).filter(p -> !p.isBlank()).map(Path::of),
            List.of("/usr/bin", "/usr/sbin", "/usr/local/bin").stream().map(Path::of))
        .map(directory -> directory.resolve("redis-server"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitPong(int port, Process process, Path log, Duration timeout)
      throws IOException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited:\n" + Files.readString(log));
      }
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(1000);
        OutputStream out = socket.getOutputStream();
        out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] answer = new byte[7];
        int read = in.readNBytes(answer, 0, answer.length);
        if (new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Redis", e);
      }
    }
    throw new IllegalStateException(
        "redis-server did not answer within " + timeout + ":\n" + Files.readString(log));
  }
}
