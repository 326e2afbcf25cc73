package org.infointerview.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerTokensTest {

  private static final List<@Nullable String> HEADERS =
      Arrays.asList(
          null,
          "",
          "Basic dXNlcjpwYXNz",
          "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzIn0.c2ln-_~+/",
          "bearer abc.def.ghi",
          "BEARER abc",
          "Bearer abc==",
          "Bearer abc=d",
          "Bearer ",
          "Bearer",
          "Bearer  abc",
          "Bearer abc def",
          "Bearer abc\t",
          "Bearerabc",
          "Bearer ab%cd",
          "Bearer ===",
          "Bearerish token");

  @Test
  void findsTheSameTokenAndRefusesTheSameHeadersAsSpringSecuritysResolver() {
    DefaultBearerTokenResolver reference = new DefaultBearerTokenResolver();
    BearerTokens ours = new BearerTokens();
    for (String header : HEADERS) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", "/contacts");
      if (header != null) {
        request.addHeader("Authorization", header);
      }
      Outcome expected = outcome(() -> reference.resolve(request));
      Outcome actual = outcome(() -> ours.resolve(request));

      assertThat(actual).as("Authorization: %s", header).isEqualTo(expected);
    }
  }

  @Test
  void aTokenInTheQueryIsNotTakenAsTheDefaultsDoNot() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/contacts");
    request.addParameter("access_token", "abc");

    assertThat(new BearerTokens().resolve(request)).isNull();
  }

  private record Outcome(@Nullable String token, @Nullable String error) {}

  private static Outcome outcome(Supplier<@Nullable String> resolve) {
    Throwable failure = catchThrowable(resolve::get);
    if (failure instanceof OAuth2AuthenticationException refused) {
      return new Outcome(null, refused.getError().getErrorCode() + ": " + refused.getMessage());
    }
    return new Outcome(resolve.get(), null);
  }
}
