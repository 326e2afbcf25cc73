package org.infointerview.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.infointerview.localrun.DevLogin;
import org.infointerview.localrun.LocalPorts;

/**
 * A dev user's access token, signed in again before it runs out: the local provider's tokens live
 * about five minutes, and a long benchmark outlives several.
 */
final class DevTokens implements Supplier<String> {

  private static final long FRESH_FOR = TimeUnit.MINUTES.toNanos(3);

  private final LocalPorts ports;
  private final String username;
  private final String password;
  private String token = "";
  private long fetched;

  DevTokens(LocalPorts ports, String username, String password) {
    this.ports = ports;
    this.username = username;
    this.password = password;
  }

  @Override
  public synchronized String get() {
    if (token.isEmpty() || System.nanoTime() - fetched > FRESH_FOR) {
      try {
        token = new DevLogin(ports.issuer()).accessToken(username, password);
      } catch (Exception e) {
        throw new IllegalStateException("Could not sign in as " + username, e);
      }
      fetched = System.nanoTime();
    }
    return token;
  }

  /** A GET of the address as this user (its bearer token). */
  static HttpResponse<String> get(HttpClient http, String address, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(address))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
