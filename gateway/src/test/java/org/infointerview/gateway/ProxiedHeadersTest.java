package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayServerResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.HttpComponentsHeadersAdapter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

class ProxiedHeadersTest {

  private static final String GATEWAY_SPAN =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private final ProxiedHeaders.ToService toService = new ProxiedHeaders.ToService(() -> null);
  private final ProxiedHeaders.ToClient toClient = new ProxiedHeaders.ToClient();

  @Test
  void aServiceGetsTheClientsHeadersWithoutHopByHopForwardingAndLengthHeaders() {
    MockHttpServletRequest client = new MockHttpServletRequest("GET", "/api/contacts/x");
    client.addHeader("Authorization", "Bearer t");
    client.addHeader("Accept", "application/json");
    client.addHeader("Accept-Language", "de");
    client.addHeader("Accept-Language", "en;q=0.8");
    client.addHeader("If-None-Match", "\"3\"");
    client.addHeader("Host", "careers.example.edu");
    client.addHeader("Content-Length", "12");
    client.addHeader("connection", "keep-alive, X-Hop-Note");
    client.addHeader("X-Hop-Note", "only for the next hop");
    client.addHeader("Keep-Alive", "timeout=5");
    client.addHeader("TE", "trailers");
    client.addHeader("Transfer-Encoding", "chunked");
    client.addHeader("Upgrade", "websocket");
    client.addHeader("Proxy-Authorization", "Basic c2VjcmV0");
    client.addHeader("X-Forwarded-For", "6.6.6.6");
    client.addHeader("x-forwarded-host", "evil.example");
    client.addHeader("Forwarded", "for=6.6.6.6");
    client.addHeader("X-Application-Context", "gateway");

    HttpHeaders passed = proxied(client);

    assertThat(passed.headerNames())
        .containsExactly("Authorization", "Accept", "Accept-Language", "If-None-Match");
    assertThat(passed.get("accept-language")).containsExactly("de", "en;q=0.8");
    assertThat(passed.getFirst("If-None-Match")).isEqualTo("\"3\"");
  }

  /** A caller's trace context goes on as the gateway's span's, never as the caller sent it. */
  @Test
  void aServiceGetsTheTraceContextOfTheGatewaysSpan() {
    MockHttpServletRequest client = new MockHttpServletRequest("GET", "/api/contacts/x");
    client.addHeader("TraceParent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    client.addHeader("tracestate", "vendor=x");

    ServerRequest request = ServerRequest.create(client, List.of());
    HttpHeaders traced =
        new ProxiedHeaders.ToService(() -> GATEWAY_SPAN)
            .apply(request.headers().asHttpHeaders(), request);
    HttpHeaders untraced = proxied(client);

    assertThat(traced.get("traceparent")).containsExactly(GATEWAY_SPAN);
    assertThat(traced.containsHeader("tracestate")).isFalse();
    assertThat(untraced.containsHeader("traceparent")).isFalse();
  }

  @Test
  void aClientGetsTheServicesHeadersWithEveryValueOnceAndNoHopByHopHeaders() {
    BasicClassicHttpResponse service = new BasicClassicHttpResponse(200);
    service.addHeader("Content-Type", "application/json");
    service.addHeader("Set-Cookie", "a=1; HttpOnly");
    service.addHeader("Vary", "Origin");
    service.addHeader("Set-Cookie", "b=2; HttpOnly");
    service.addHeader("ETag", "\"7\"");
    service.addHeader("Connection", "keep-alive, X-Hop-Note");
    service.addHeader("X-Hop-Note", "only for the next hop");
    service.addHeader("Keep-Alive", "timeout=60");
    service.addHeader("Transfer-Encoding", "chunked");
    service.addHeader("Trailer", "Expires");
    service.addHeader("Proxy-Authenticate", "Basic");
    service.addHeader(":status", "200");
    service.addHeader("X-Application-Context", "contacts-service");
    ServerResponse answer = GatewayServerResponse.status(200).build();

    HttpHeaders returned =
        toClient.apply(
            HttpHeaders.readOnlyHttpHeaders(new HttpComponentsHeadersAdapter(service)), answer);

    assertThat(returned.isEmpty()).isTrue();
    assertThat(answer.headers().headerNames())
        .containsExactly("Content-Type", "Set-Cookie", "Vary", "ETag");
    assertThat(answer.headers().get("Set-Cookie"))
        .containsExactly("a=1; HttpOnly", "b=2; HttpOnly");
    assertThat(answer.headers().getFirst("etag")).isEqualTo("\"7\"");
  }

  @Test
  void headersWithoutConnectionPassAsTheyAre() {
    MockHttpServletRequest client = new MockHttpServletRequest("GET", "/api/contacts/x");
    client.addHeader("Authorization", "Bearer t");
    client.addHeader("X-Request-Note", "a, b");

    HttpHeaders passed = proxied(client);

    assertThat(passed.get("X-Request-Note")).isEqualTo(List.of("a, b"));
    assertThat(passed.headerNames()).containsExactly("Authorization", "X-Request-Note");
  }

  /** The headers as the route handler passes them: those of Spring MVC's view of the request. */
  private HttpHeaders proxied(MockHttpServletRequest client) {
    ServerRequest request = ServerRequest.create(client, List.of());
    return toService.apply(request.headers().asHttpHeaders(), request);
  }
}
