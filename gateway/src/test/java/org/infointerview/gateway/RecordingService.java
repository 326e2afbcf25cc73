package org.infointerview.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service behind the gateway that answers every request with {@code 200 {"ok":true}} and keeps,
 * in order, the path and the {@code Authorization} header of each: what the gateway relayed.
 */
final class RecordingService implements AutoCloseable {

  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  private RecordingService(HttpServer server) {
    this.server = server;
  }

  static RecordingService start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      RecordingService service = new RecordingService(server);
      server.createContext(
          "/",
          exchange -> {
            service.authorizations.add(
                String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            service.paths.add(exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The {@code Authorization} header of each request, {@code "null"} when it had none. */
  List<String> authorizations() {
    return authorizations;
  }

  List<String> paths() {
    return paths;
  }

  /** The {@code Authorization} header of the last request. */
  String lastAuthorization() {
    return authorizations.get(authorizations.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
