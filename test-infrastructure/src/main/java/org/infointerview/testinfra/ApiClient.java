package org.infointerview.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Calls a service's HTTP API as a client would: JSON bodies, an optional bearer token. */
public final class ApiClient {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public HttpResponse<String> get(String path, @Nullable String token) {
    return send("GET", path, token, null, Map.of());
  }

  public HttpResponse<String> post(String path, @Nullable String token, String json) {
    return send("POST", path, token, json, Map.of());
  }

  public HttpResponse<String> put(String path, @Nullable String token, String json) {
    return send("PUT", path, token, json, Map.of());
  }

  public HttpResponse<String> delete(String path, @Nullable String token) {
    return send("DELETE", path, token, null, Map.of());
  }

  /** A GET whose answer is read as bytes (an archive, a file). */
  public HttpResponse<byte[]> download(String path, @Nullable String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during GET " + path, e);
    }
  }

  /** Any request; a JSON body gets its content type, extra headers are added as given. */
  public HttpResponse<String> send(
      String method,
      String path,
      @Nullable String token,
      @Nullable String json,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::setHeader);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during " + method + " " + path, e);
    }
  }
}
