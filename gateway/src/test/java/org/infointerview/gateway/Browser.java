package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * A browser on this machine, reduced to what signing in needs: it follows no redirect by itself
 * (each step is the test's to check), asks for pages ({@code Accept: text/html}), and keeps cookies
 * by name for {@code localhost}, where the gateway and the identity provider both run (cookies
 * ignore ports). Like browsers, it sends cookies marked {@code Secure} to {@code http://localhost},
 * as Keycloak's session cookies are; {@link java.net.CookieManager} would not, nor parse their
 * {@code Version=1} attribute as browsers do.
 */
final class Browser {

  private static final Pattern FORM =
      Pattern.compile("<form([^>]*)>(.*?)</form>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
  private static final Pattern INPUT =
      Pattern.compile("<(?:input|button)[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
  private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  HttpResponse<String> get(String uri) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").GET());
  }

  /** A form sent as a page would send it. */
  HttpResponse<String> postForm(String uri, Map<String, String> fields) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(uri))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
  }

  /** A script's write: {@code {}} as JSON, with the CSRF token in its header when given. */
  HttpResponse<String> postJson(String uri, String xsrfToken) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(uri))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (xsrfToken != null) {
      request.header("X-XSRF-TOKEN", xsrfToken);
    }
    return send(request);
  }

  /**
   * Sends the page's first form as its submit button would: its hidden fields and the button's own
   * name and value, to its action.
   */
  HttpResponse<String> submitFirstForm(HttpResponse<String> page) throws Exception {
    Matcher form = FORM.matcher(page.body());
    assertThat(form.find()).as("a form on " + page.uri()).isTrue();
    Matcher action = ACTION.matcher(form.group(1));
    assertThat(action.find()).as("the form's action").isTrue();
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher input = INPUT.matcher(form.group(2));
    while (input.find()) {
      String tag = input.group();
      Matcher name = NAME.matcher(tag);
      Matcher value = VALUE.matcher(tag);
      if (name.find() && (tag.contains("hidden") || tag.contains("submit"))) {
        fields.put(name.group(1), value.find() ? unescape(value.group(1)) : "");
      }
    }
    return postForm(page.uri().resolve(unescape(action.group(1))).toString(), fields);
  }

  boolean hasCookie(String name) {
    return cookies.containsKey(name);
  }

  /** The readable CSRF token the gateway set, to send back in {@code X-XSRF-TOKEN}. */
  String xsrfToken() {
    String token = cookies.get("XSRF-TOKEN");
    assertThat(token).as("the XSRF-TOKEN cookie").isNotNull();
    return token;
  }

  /**
   * Where a redirect leads, resolved against the address asked for as a browser does: a relative
   * {@code Location} is as valid as a full one (RFC 9110), and servers differ in which they send.
   */
  static String location(HttpResponse<?> response) {
    String location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode()));
    return response.uri().resolve(location).toString();
  }

  /** The text of an HTML attribute value. */
  static String unescape(String attribute) {
    return HtmlUtils.htmlUnescape(attribute);
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** Any request, with the browser's cookies, keeping those it is given. */
  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(c -> c.getKey() + "=" + c.getValue())
              .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int equals = pair.indexOf('=');
      String name = pair.substring(0, equals).strip();
      String value = pair.substring(equals + 1).strip();
      String attributes = header.toLowerCase(Locale.ROOT);
      if (value.isEmpty()
          || attributes.contains("max-age=0")
          || attributes.contains("expires=thu, 01 jan 1970")
          || attributes.contains("expires=thu, 01-jan-1970")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return response;
  }
}
