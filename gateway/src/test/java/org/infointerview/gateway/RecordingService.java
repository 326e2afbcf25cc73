package org.infointerview.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A deployable behind the gateway that answers every request with the same {@code 200} ({@code
 * {"ok":true}} unless told otherwise) and keeps, in order, each request as it arrived: what the
 * gateway relayed.
 */
final class RecordingService implements AutoCloseable {

  /** A request as the service received it. */
  record Request(String method, String pathAndQuery, Headers headers) {

    String path() {
      int query = pathAndQuery.indexOf('?');
      return query == -1 ? pathAndQuery : pathAndQuery.substring(0, query);
    }
  }

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private volatile CountDownLatch heldProfile = new CountDownLatch(0);

  private RecordingService(HttpServer server) {
    this.server = server;
  }

  static RecordingService start() {
    return start("application/json", "{\"ok\":true}");
  }

  /**
   * A service that answers every request with this body, of this type, and these headers (names and
   * values, one after the other).
   */
  static RecordingService start(String contentType, String body, String... headers) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      RecordingService service = new RecordingService(server);
      byte[] answer = body.getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/",
          exchange -> {
            service.requests.add(
                new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery()),
                    copy(exchange.getRequestHeaders())));
            exchange.getRequestBody().readAllBytes();
            if ("/me".equals(exchange.getRequestURI().getRawPath())) {
              try {
                service.heldProfile.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            for (int i = 0; i < headers.length; i += 2) {
              exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(200, head ? -1 : answer.length);
            if (!head) {
              exchange.getResponseBody().write(answer);
            }
            exchange.close();
          });
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Headers copy(Headers headers) {
    Headers copy = new Headers();
    copy.putAll(headers);
    return copy;
  }

  /** Answers {@code /me} only once {@link #answerProfile} is called; other requests at once. */
  void holdProfile() {
    heldProfile = new CountDownLatch(1);
  }

  void answerProfile() {
    heldProfile.countDown();
  }

  String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request received, in order. */
  List<Request> requests() {
    return requests;
  }

  /** The {@code Authorization} header of each request, {@code "null"} when it had none. */
  List<String> authorizations() {
    return requests.stream()
        .map(request -> String.valueOf(request.headers().getFirst("Authorization")))
        .toList();
  }

  List<String> paths() {
    return requests.stream().map(Request::path).toList();
  }

  /** The {@code Authorization} header of the last request. */
  String lastAuthorization() {
    List<String> authorizations = authorizations();
    return authorizations.get(authorizations.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
