package org.infointerview.localrun;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a demo user in at the dev OIDC provider the way a browser would (authorization code with
 * PKCE, the login form with its CSRF token) and prints the access token, for {@code curl} and for
 * the system test: {@code java -cp local-run/target/local-run.jar
 * org.infointerview.localrun.DevLogin student}.
 */
public final class DevLogin {

  static final String CLIENT_ID = "infointerview-cli";
  static final String REDIRECT_URI = "http://127.0.0.1/callback";
  private static final Pattern CSRF =
      Pattern.compile(
          "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  private final String issuer;
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public DevLogin(String issuer) {
    this.issuer = issuer;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: DevLogin <student|alumnus|advisor|admin> [--port-offset=N]");
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    LocalPorts ports =
        new LocalPorts(Integer.parseInt(LocalRun.options(rest).getOrDefault("port-offset", "0")));
    DemoUsers.DemoUser user = DemoUsers.named(args[0]);
    System.out.println(new DevLogin(ports.issuer()).accessToken(user.username(), user.password()));
  }

  /** Signs in and returns the access token. */
  public String accessToken(String username, String password)
      throws IOException, InterruptedException {
    String verifier = random();
    String state = random();
    String authorize =
        issuer
            + "/oauth2/authorize?"
            + form(
                Map.of(
                    "response_type",
                    "code",
                    "client_id",
                    CLIENT_ID,
                    "redirect_uri",
                    REDIRECT_URI,
                    "scope",
                    "openid profile email",
                    "state",
                    state,
                    "code_challenge",
                    challenge(verifier),
                    "code_challenge_method",
                    "S256"));
    HttpResponse<String> toLogin = get(authorize);
    String loginPage = get(location(toLogin)).body();
    Matcher csrf = CSRF.matcher(loginPage);
    if (!csrf.find()) {
      throw new IllegalStateException("No login form at " + issuer + "/login");
    }
    String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
    HttpResponse<String> loggedIn =
        post(
            issuer + "/login",
            form(Map.of("username", username, "password", password, "_csrf", token)));
    String next = location(loggedIn);
    if (next.contains("error")) {
      throw new IllegalStateException("Sign-in refused for " + username);
    }
    String callback = location(get(next));
    Map<String, String> query = query(URI.create(callback).getRawQuery());
    if (!state.equals(query.get("state")) || query.get("code") == null) {
      throw new IllegalStateException("The provider did not return a code: " + callback);
    }
    HttpResponse<String> tokens =
        post(
            issuer + "/oauth2/token",
            form(
                Map.of(
                    "grant_type", "authorization_code",
                    "code", query.get("code"),
                    "redirect_uri", REDIRECT_URI,
                    "client_id", CLIENT_ID,
                    "code_verifier", verifier)));
    if (tokens.statusCode() != 200) {
      throw new IllegalStateException("Token request failed: " + tokens.body());
    }
    return JsonMapper.builder().build().readTree(tokens.body()).get("access_token").asString();
  }

  private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(resolve(uri)).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String uri, String form)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(resolve(uri))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI resolve(String uri) {
    return URI.create(issuer + "/").resolve(uri);
  }

  private static String location(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Expected a redirect from "
                        + response.uri()
                        + ", got "
                        + response.statusCode()));
  }

  private static String form(Map<String, String> values) {
    return new LinkedHashMap<>(values)
        .entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      values.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
