package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ClientHeaderStrippingFilterTest {

  @Test
  void identityAndForwardingHeadersAreHiddenWhateverTheirCase() throws Exception {
    HttpServletRequest seen = passThrough(new ClientHeaderStrippingFilter(""), "203.0.113.7");

    assertThat(seen.getHeader("x-USER-id")).isNull();
    assertThat(seen.getHeader("X-User-Roles")).isNull();
    assertThat(seen.getHeader("x-forwarded-for")).isNull();
    assertThat(seen.getHeaders("X-FORWARDED-HOST").hasMoreElements()).isFalse();
    assertThat(seen.getHeader("forwarded")).isNull();
    assertThat(seen.getHeader("X-Real-IP")).isNull();
    assertThat(Collections.list(seen.getHeaderNames()))
        .containsExactlyInAnyOrder("Accept", "X-Request-Note");
    assertThat(seen.getHeader("accept")).isEqualTo("application/json");
  }

  @Test
  void aTrustedProxyKeepsItsForwardingHeadersButNeverTheIdentityOnes() throws Exception {
    HttpServletRequest seen =
        passThrough(new ClientHeaderStrippingFilter("10\\.0\\.0\\.\\d+"), "10.0.0.5");

    assertThat(seen.getHeader("X-Forwarded-For")).isEqualTo("198.51.100.1");
    assertThat(seen.getHeader("Forwarded")).isEqualTo("for=198.51.100.1");
    assertThat(seen.getHeader("X-Real-IP")).isEqualTo("198.51.100.1");
    assertThat(seen.getHeader("X-User-Id")).isNull();
  }

  private static HttpServletRequest passThrough(ClientHeaderStrippingFilter filter, String from)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/contacts/contacts");
    request.setRemoteAddr(from);
    request.addHeader("X-User-Id", "admin");
    request.addHeader("x-user-roles", "ADMIN");
    request.addHeader("X-Forwarded-For", "198.51.100.1");
    request.addHeader("X-Forwarded-Host", "evil.example");
    request.addHeader("Forwarded", "for=198.51.100.1");
    request.addHeader("X-Real-IP", "198.51.100.1");
    request.addHeader("Accept", "application/json");
    request.addHeader("X-Request-Note", "kept");
    AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
    filter.doFilter(
        request,
        new MockHttpServletResponse(),
        (passed, response) -> seen.set((HttpServletRequest) passed));
    return seen.get();
  }
}
