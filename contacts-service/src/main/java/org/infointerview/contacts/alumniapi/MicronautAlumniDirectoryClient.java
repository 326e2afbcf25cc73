package org.infointerview.contacts.alumniapi;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.infointerview.contacts.alumniapi.AlumniDirectoryConnection.Authentication;
import org.infointerview.contacts.alumniapi.AlumniDirectoryConnection.Pagination;
import org.infointerview.contacts.alumniapi.AlumniDirectoryException.Reason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alumni API through the Micronaut HTTP client (JDK transport). Redirects are never followed by
 * the transport: one to the same host and port is followed here (at most five), one anywhere else
 * ends the run. Every request's address is checked by {@link AddressGuard} first. 5xx, 429, resets
 * and stalls are retried with exponential backoff, a Retry-After header deciding the wait when
 * there is one (resilience4j Retry).
 */
final class MicronautAlumniDirectoryClient implements AlumniDirectoryClient {

  private static final Logger log = LoggerFactory.getLogger(MicronautAlumniDirectoryClient.class);
  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_FIELD = 2_000;
  private static final List<String> ITEMS = List.of("items", "data", "results", "records");
  private static final List<String> TOTAL = List.of("total", "totalCount", "total_count");
  private static final List<String> NEXT_CURSOR =
      List.of("nextCursor", "next_cursor", "nextPageToken", "next_page_token");
  private static final List<String> TOTAL_PAGES = List.of("totalPages", "total_pages");
  private static final List<String> UPDATED =
      List.of("updatedAt", "updated_at", "lastModified", "modifiedAt", "modified_at");
  private static final List<String> DELETED = List.of("deleted", "isDeleted", "removed");

  private final AlumniDirectoryConnection connection;
  private final HttpClient http;
  private final JsonMapper json;
  private final Retry retry;
  private int pages;
  private @Nullable String accessToken;
  private Instant accessTokenExpires = Instant.EPOCH;

  MicronautAlumniDirectoryClient(AlumniDirectoryConnection connection) {
    this.connection = connection;
    AlumniDirectoryConnection.Behaviour behaviour = connection.behaviour();
    DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
    configuration.setConnectTimeout(behaviour.connectTimeout());
    configuration.setReadTimeout(behaviour.readTimeout());
    configuration.setRequestTimeout(behaviour.readTimeout());
    configuration.setFollowRedirects(false);
    configuration.setExceptionOnErrorStatus(false);
    configuration.setMaxContentLength(32 * 1024 * 1024);
    try {
      this.http = HttpClient.create(connection.baseUrl().toURL(), configuration);
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new AlumniDirectoryException(
          Reason.ADDRESS_REFUSED, "the alumni API's URL is not usable: " + e.getMessage(), e);
    }
    this.json = JsonMapper.createDefault();
    this.retry =
        Retry.of(
            "alumni-api",
            RetryConfig.<byte[]>custom()
                .maxAttempts(behaviour.maxAttempts())
                .retryOnException(e -> e instanceof Transient)
                .intervalBiFunction(waitBefore(behaviour))
                .failAfterMaxAttempts(false)
                .build());
  }

  @Override
  public AlumniPage page(@Nullable Instant updatedSince, @Nullable String position) {
    int number = ++pages;
    URI uri = pageUri(updatedSince, position);
    byte[] body;
    try {
      body = retry.executeSupplier(() -> fetch(uri));
    } catch (Transient e) {
      throw new AlumniDirectoryException(
          Reason.UNAVAILABLE,
          "page "
              + number
              + " could not be read after "
              + connection.behaviour().maxAttempts()
              + " tries: "
              + e.getMessage(),
          e);
    }
    return parse(number, position, body);
  }

  @Override
  public void close() {
    http.close();
  }

  private URI pageUri(@Nullable Instant updatedSince, @Nullable String position) {
    UriBuilder builder = UriBuilder.of(connection.baseUrl());
    if (updatedSince != null) {
      builder.queryParam("updatedSince", DateTimeFormatter.ISO_INSTANT.format(updatedSince));
    }
    if (connection.pagination() == Pagination.CURSOR) {
      builder.queryParam("limit", connection.pageSize());
      if (position != null) {
        builder.queryParam("cursor", position);
      }
    } else {
      builder.queryParam("page", position == null ? "0" : position);
      builder.queryParam("size", connection.pageSize());
    }
    return builder.build();
  }

  /** One GET, redirects within the same origin followed; transient trouble thrown as such. */
  private byte[] fetch(URI first) {
    URI uri = first;
    boolean renewedToken = false;
    for (int hop = 0; ; hop++) {
      guard(uri);
      MutableHttpRequest<?> request = HttpRequest.GET(uri).accept(MediaType.APPLICATION_JSON_TYPE);
      authenticate(request);
      HttpResponse<byte[]> response = exchange(request);
      int status = response.code();
      if (status >= 300 && status < 400) {
        uri = redirectTarget(uri, response, hop);
        continue;
      }
      if (status == 200) {
        return response.getBody(byte[].class).orElse(new byte[0]);
      }
      if (status == 401
          && connection.authentication() == Authentication.CLIENT_CREDENTIALS
          && !renewedToken) {
        accessToken = null;
        renewedToken = true;
        continue;
      }
      if (status == 429 || status == 503) {
        throw new Transient(
            "the alumni API answered " + status, retryAfter(response.header("Retry-After")));
      }
      if (status >= 500) {
        throw new Transient("the alumni API answered " + status, null);
      }
      if (status == 401 || status == 403) {
        throw new AlumniDirectoryException(
            Reason.UNAUTHORIZED,
            "the alumni API refused our credentials (" + status + "); check the API settings");
      }
      throw new AlumniDirectoryException(
          Reason.UNEXPECTED_STATUS, "the alumni API answered " + status + " for " + uri);
    }
  }

  @SuppressWarnings("unchecked")
  private HttpResponse<byte[]> exchange(MutableHttpRequest<?> request) {
    try {
      return http.toBlocking().exchange(request, byte[].class);
    } catch (HttpClientResponseException e) {
      return (HttpResponse<byte[]>) e.getResponse();
    } catch (ReadTimeoutException e) {
      throw new Transient(
          "no answer within " + connection.behaviour().readTimeout().toSeconds() + " s", null);
    } catch (HttpClientException e) {
      throw new Transient("could not talk to the alumni API: " + e.getMessage(), null);
    }
  }

  private URI redirectTarget(URI from, HttpResponse<?> response, int hop) {
    String location = response.header("Location");
    if (location == null || hop >= MAX_REDIRECTS) {
      throw new AlumniDirectoryException(
          Reason.REDIRECT_REFUSED,
          location == null
              ? "the alumni API redirected without saying where"
              : "the alumni API redirected more than " + MAX_REDIRECTS + " times");
    }
    URI target;
    try {
      target = from.resolve(location);
    } catch (IllegalArgumentException e) {
      throw new AlumniDirectoryException(
          Reason.REDIRECT_REFUSED, "the alumni API redirected to an invalid address");
    }
    if (!sameOrigin(from, target)) {
      throw new AlumniDirectoryException(
          Reason.REDIRECT_REFUSED,
          "the alumni API redirected to another host ("
              + target.getHost()
              + "); not followed. Correct the base URL if the API has moved.");
    }
    return target;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
        && Objects.equals(lower(a.getHost()), lower(b.getHost()))
        && port(a) == port(b);
  }

  private static @Nullable String lower(@Nullable String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private void guard(URI uri) {
    String refusal = AddressGuard.refusal(uri, connection.behaviour().addresses());
    if (refusal != null) {
      throw new AlumniDirectoryException(
          Reason.ADDRESS_REFUSED, "the alumni API's address " + refusal);
    }
  }

  private void authenticate(MutableHttpRequest<?> request) {
    switch (connection.authentication()) {
      case NONE -> {}
      case API_KEY ->
          request.header(connection.apiKeyHeader(), Objects.requireNonNull(connection.apiKey()));
      case CLIENT_CREDENTIALS -> request.bearerAuth(token());
    }
  }

  /** The client credentials access token, fetched again a minute before it runs out. */
  private String token() {
    if (accessToken != null && Instant.now().isBefore(accessTokenExpires.minusSeconds(60))) {
      return accessToken;
    }
    URI tokenUrl = Objects.requireNonNull(connection.tokenUrl());
    guard(tokenUrl);
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    if (connection.scope() != null) {
      form.append("&scope=").append(URLEncoder.encode(connection.scope(), StandardCharsets.UTF_8));
    }
    MutableHttpRequest<String> request =
        HttpRequest.POST(tokenUrl, form.toString())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
            .accept(MediaType.APPLICATION_JSON_TYPE)
            .basicAuth(
                Objects.requireNonNull(connection.clientId()),
                Objects.requireNonNull(connection.clientSecret()));
    HttpResponse<byte[]> response = exchange(request);
    if (response.code() >= 500 || response.code() == 429) {
      throw new Transient("the token endpoint answered " + response.code(), null);
    }
    if (response.code() != 200) {
      throw new AlumniDirectoryException(
          Reason.UNAUTHORIZED,
          "the token endpoint refused our client credentials (" + response.code() + ")");
    }
    try {
      JsonNode answer =
          json.readValue(
              response.getBody(byte[].class).orElse(new byte[0]), Argument.of(JsonNode.class));
      JsonNode token = answer.get("access_token");
      if (token == null || !token.isString()) {
        throw new AlumniDirectoryException(
            Reason.UNAUTHORIZED, "the token endpoint's answer has no access_token");
      }
      JsonNode expiresIn = answer.get("expires_in");
      long seconds = expiresIn != null && expiresIn.isNumber() ? expiresIn.getLongValue() : 300;
      accessToken = token.getStringValue();
      accessTokenExpires = Instant.now().plusSeconds(seconds);
      return accessToken;
    } catch (IOException e) {
      throw new AlumniDirectoryException(
          Reason.UNAUTHORIZED, "the token endpoint's answer is not JSON", e);
    }
  }

  private AlumniPage parse(int number, @Nullable String position, byte[] body) {
    JsonNode root;
    try {
      root = json.readValue(body, Argument.of(JsonNode.class));
    } catch (IOException | RuntimeException e) {
      throw malformed(number, "the answer is not JSON (" + firstLine(e.getMessage()) + ")");
    }
    if (root == null || !root.isObject()) {
      throw malformed(number, "the answer is not a JSON object");
    }
    JsonNode items = first(root, ITEMS);
    if (items == null || !items.isArray()) {
      throw malformed(number, "the answer has no 'items' array (nor 'data', 'results', 'records')");
    }
    List<AlumniRecord> records = new ArrayList<>();
    int index = 0;
    for (JsonNode item : items.values()) {
      records.add(record(number, index++, item));
    }
    Long total = null;
    JsonNode totalNode = first(root, TOTAL);
    if (totalNode != null && totalNode.isNumber()) {
      total = totalNode.getLongValue();
    }
    return new AlumniPage(number, records, next(number, position, root, records.isEmpty()), total);
  }

  private @Nullable String next(
      int number, @Nullable String position, JsonNode root, boolean empty) {
    if (connection.pagination() == Pagination.CURSOR) {
      JsonNode cursor = first(root, NEXT_CURSOR);
      if (cursor == null || cursor.isNull()) {
        return null;
      }
      if (!cursor.isString()) {
        throw malformed(number, "'nextCursor' must be a string or null");
      }
      String value = cursor.getStringValue();
      if (value.isEmpty() || value.equals(position)) {
        return null;
      }
      return value;
    }
    if (empty) {
      return null;
    }
    int current = position == null ? 0 : Integer.parseInt(position);
    JsonNode last = root.get("last");
    if (last != null && last.isBoolean()) {
      return last.getBooleanValue() ? null : String.valueOf(current + 1);
    }
    JsonNode totalPages = first(root, TOTAL_PAGES);
    if (totalPages != null && totalPages.isNumber()) {
      return current + 1 < totalPages.getIntValue() ? String.valueOf(current + 1) : null;
    }
    throw malformed(number, "a paged answer needs 'last' or 'totalPages'");
  }

  private AlumniRecord record(int page, int index, JsonNode item) {
    String where = "item " + index;
    if (!item.isObject()) {
      throw malformed(page, where + " is not an object");
    }
    JsonNode idNode = item.get(connection.idField());
    String id;
    if (idNode != null && idNode.isString() && !idNode.getStringValue().isBlank()) {
      id = idNode.getStringValue().strip();
    } else if (idNode != null && idNode.isNumber()) {
      id = idNode.getNumberValue().toString();
    } else {
      throw malformed(page, where + " has no '" + connection.idField() + "'");
    }
    Instant updatedAt = null;
    JsonNode updated = first(item, UPDATED);
    if (updated != null && !updated.isNull()) {
      if (!updated.isString()) {
        throw malformed(page, where + " (id " + id + "): 'updatedAt' must be a string");
      }
      try {
        updatedAt = ZonedDateTime.parse(updated.getStringValue()).toInstant();
      } catch (DateTimeParseException e) {
        throw malformed(
            page,
            where + " (id " + id + "): 'updatedAt' is not an ISO-8601 date-time with an offset");
      }
    }
    JsonNode deleted = first(item, DELETED);
    boolean removed = deleted != null && deleted.isBoolean() && deleted.getBooleanValue();
    Map<String, String> fields = new LinkedHashMap<>();
    flatten("", item, fields);
    return new AlumniRecord(id, updatedAt, removed, fields);
  }

  /** The first of these members an object has (APIs spell the same thing differently). */
  private static @Nullable JsonNode first(JsonNode object, List<String> names) {
    for (String name : names) {
      JsonNode value = object.get(name);
      if (value != null && !value.isNull()) {
        return value;
      }
    }
    return null;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
    for (Map.Entry<String, JsonNode> entry : node.entries()) {
      String path = prefix + entry.getKey();
      JsonNode value = entry.getValue();
      if (value.isObject()) {
        flatten(path + ".", value, into);
      } else if (value.isArray()) {
        List<String> items = new ArrayList<>();
        for (JsonNode element : value.values()) {
          if (element.isValueNode() && !element.isNull()) {
            items.add(text(element));
          }
        }
        into.put(path, clip(String.join(";", items)));
      } else if (!value.isNull()) {
        into.put(path, clip(text(value)));
      }
    }
  }

  private static String text(JsonNode value) {
    if (value.isString()) {
      return value.getStringValue();
    }
    if (value.isBoolean()) {
      return String.valueOf(value.getBooleanValue());
    }
    return value.getNumberValue().toString();
  }

  private static String clip(String value) {
    // Longer values are reported by the row checks; this only bounds memory.
    return value.length() > MAX_FIELD * 2 ? value.substring(0, MAX_FIELD * 2) : value;
  }

  private AlumniDirectoryException malformed(int page, String what) {
    return new AlumniDirectoryException(
        Reason.MALFORMED_PAYLOAD, "page " + page + " of the alumni API: " + what);
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse(message);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  /** How long to wait before the next try: the server's Retry-After, else exponential backoff. */
  private static IntervalBiFunction<byte[]> waitBefore(
      AlumniDirectoryConnection.Behaviour behaviour) {
    return (attempt, outcome) -> {
      long backoff =
          Math.min(
              behaviour.maxWait().toMillis(),
              behaviour.initialBackoff().toMillis() * (1L << Math.min(20, attempt - 1)));
      if (outcome.isLeft() && outcome.getLeft() instanceof Transient t && t.retryAfter != null) {
        return Math.max(backoff, t.retryAfter.toMillis());
      }
      return backoff;
    };
  }

  /** A Retry-After as seconds or an HTTP date; a wait longer than allowed ends the run. */
  private @Nullable Duration retryAfter(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      try {
        wait =
            Duration.between(
                Instant.now(),
                ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    if (wait.compareTo(connection.behaviour().maxWait()) > 0) {
      throw new AlumniDirectoryException(
          Reason.UNAVAILABLE,
          "the alumni API asked us to wait "
              + wait.toSeconds()
              + " s (Retry-After), longer than the "
              + connection.behaviour().maxWait().toSeconds()
              + " s we wait; the next run will try again");
    }
    log.info("The alumni API asked us to wait {} s", wait.toSeconds());
    return wait;
  }

  /** Trouble worth another try. */
  private static final class Transient extends RuntimeException {
    private final @Nullable Duration retryAfter;

    Transient(String message, @Nullable Duration retryAfter) {
      super(message, null, false, false);
      this.retryAfter = retryAfter;
    }
  }
}
