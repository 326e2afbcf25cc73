package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayServerResponse;
import org.springframework.http.HttpHeaders;
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
