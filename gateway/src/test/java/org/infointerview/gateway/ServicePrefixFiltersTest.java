package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayServerResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

class ServicePrefixFiltersTest {

  private final HandlerFilterFunction<ServerResponse, ServerResponse> contacts =
      ServicePrefixFilters.servicePrefix("/api/contacts");

  @Test
  void theServiceIsAskedForThePathAfterThePrefixWithTheQueryAsSent() throws Exception {
    MockHttpServletRequest sent = get("/api/contacts/contacts/Ana%20Lima");
    sent.setQueryString("q=a%26b&size=5");
    sent.addParameter("q", "a&b");
    sent.addParameter("size", "5");
    sent.addHeader("Accept", "application/json");

    ServerRequest seen = passThrough(sent);

    assertThat(seen.uri())
        .isEqualTo(URI.create("http://localhost/contacts/Ana%20Lima?q=a%26b&size=5"));
    assertThat(seen.path()).isEqualTo("/contacts/Ana%20Lima");
    assertThat(seen.requestPath().value()).isEqualTo("/contacts/Ana%20Lima");
    assertThat(seen.params().getFirst("q")).isEqualTo("a&b");
    assertThat(seen.headers().firstHeader("Accept")).isEqualTo("application/json");
    assertThat(seen.method().name()).isEqualTo("GET");
  }

  @Test
  void thePrefixAloneIsTheServicesRoot() throws Exception {
    assertThat(passThrough(get("/api/contacts")).uri()).isEqualTo(URI.create("http://localhost/"));
    assertThat(passThrough(get("/api/contacts/")).path()).isEqualTo("/");
  }

  @Test
  void aPathThatOnlyBeginsLikeThePrefixIsLeftAlone() {
    assertThat(ServicePrefixFilters.strip("/api/contactsx/1", "/api/contacts"))
        .isEqualTo("/api/contactsx/1");
    assertThat(ServicePrefixFilters.strip("/other/1", "/api/contacts")).isEqualTo("/other/1");
  }

  @Test
  void aLocationOnTheServiceGetsThePrefixBackWhileAFullUrlOrNoneIsLeftAlone() throws Exception {
    assertThat(locationAfter("/contacts/42")).isEqualTo("/api/contacts/contacts/42");
    assertThat(locationAfter("https://careers.example.edu/contacts/42"))
        .isEqualTo("https://careers.example.edu/contacts/42");
    assertThat(locationAfter("//careers.example.edu/contacts/42"))
        .isEqualTo("//careers.example.edu/contacts/42");
    assertThat(locationAfter(null)).isNull();
  }

  @Test
  void aProblemsInstanceOnTheServiceGetsThePrefixBackAndItsLengthFollows() throws Exception {
    String problem =
        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"instance\":\"/contacts/42\",\"score\":0.1000000000000000055511151231257827}";

    Passed passed = problemAfter(problem.getBytes(StandardCharsets.UTF_8));

    assertThat(passed.body())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                + "\"instance\":\"/api/contacts/contacts/42\","
                + "\"score\":0.1000000000000000055511151231257827}");
    assertThat(passed.response().headers().getContentLength())
        .isEqualTo(passed.body().getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void aProblemWithoutARootRelativeInstanceOrNotJsonPassesByteForByte() {
    for (String problem :
        List.of(
            "{\"title\":\"Not Found\",\"status\":404}",
            "{\"title\":\"Gone\",\"instance\":\"https://careers.example.edu/contacts/42\"}",
            "{\"title\":\"Gone\",\"instance\":\"//careers.example.edu/contacts/42\"}",
            "{\"title\":\"Gone\",\"instance\":42}",
            "[\"/contacts/42\"]",
            "<html>Not Found</html>")) {
      byte[] sent = problem.getBytes(StandardCharsets.UTF_8);
      assertThat(ServicePrefixFilters.withInstancePrefixed(sent, "/api/contacts"))
          .as(problem)
          .isSameAs(sent);
    }
  }

  @Test
  void aProblemLargerThanTheLimitPassesWhole() throws Exception {
    byte[] large =
        ("{\"instance\":\"/contacts/42\",\"detail\":\""
                + "x".repeat(ServicePrefixFilters.LARGEST_PROBLEM)
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    Passed passed = problemAfter(large);

    assertThat(passed.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(large);
    assertThat(passed.response().headers().getContentLength()).isEqualTo(large.length);
  }

  @Test
  void anAnswerOfTheGatewaysOwnIsLeftAsItIs() throws Exception {
    ServerResponse fallback =
        contacts.filter(
            ServerRequest.create(get("/api/contacts/contacts"), List.of()),
            request -> ServerResponse.created(URI.create("/fallback/contacts-service")).build());

    assertThat(fallback.headers().getFirst(HttpHeaders.LOCATION))
        .isEqualTo("/fallback/contacts-service");
  }

  @Test
  void aPrefixMustBeAnAbsolutePathWithoutATrailingSlash() {
    assertThatThrownBy(() -> ServicePrefixFilters.servicePrefix("api/contacts"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("api/contacts");
    assertThatThrownBy(() -> ServicePrefixFilters.servicePrefix("/api/contacts/"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static MockHttpServletRequest get(String path) {
    return new MockHttpServletRequest("GET", path);
  }

  private ServerRequest passThrough(MockHttpServletRequest sent) throws Exception {
    AtomicReference<ServerRequest> seen = new AtomicReference<>();
    contacts.filter(
        ServerRequest.create(sent, List.of()),
        request -> {
          seen.set(request);
          return ServerResponse.ok().build();
        });
    return seen.get();
  }

  /** The answer as the filter leaves it, and the body the proxy will pass on. */
  private record Passed(ServerResponse response, String body) {}

  private Passed problemAfter(byte[] problem) throws Exception {
    MockHttpServletRequest servlet = get("/api/contacts/contacts/42");
    ServerRequest request = ServerRequest.create(servlet, List.of());
    ServerResponse response =
        contacts.filter(
            request,
            stripped -> {
              MvcUtils.putAttribute(
                  stripped,
                  MvcUtils.CLIENT_RESPONSE_INPUT_STREAM_ATTR,
                  new ByteArrayInputStream(problem));
              return GatewayServerResponse.status(404)
                  .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                  .contentLength(problem.length)
                  .build();
            });
    InputStream body = MvcUtils.getAttribute(request, MvcUtils.CLIENT_RESPONSE_INPUT_STREAM_ATTR);
    return new Passed(response, new String(body.readAllBytes(), StandardCharsets.UTF_8));
  }

  private String locationAfter(String location) throws Exception {
    MockHttpServletRequest servlet = new MockHttpServletRequest("POST", "/api/contacts/contacts");
    ServerResponse response =
        contacts.filter(
            ServerRequest.create(servlet, List.of()),
            request ->
                location == null
                    ? GatewayServerResponse.ok().build()
                    : GatewayServerResponse.created(URI.create(location)).build());
    return response.headers().getFirst(HttpHeaders.LOCATION);
  }
}
