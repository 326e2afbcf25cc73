package org.infointerview.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.infointerview.support.problem.ServletProblems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A 401 with the {@code WWW-Authenticate} header that RFC 6750 asks for (Spring Security's bearer
 * entry point writes it) and an RFC 9457 problem that says in words what to do: send a token, or
 * get a new one. The words are fixed: why a token was refused (expired, another issuer, a key that
 * does not match) is not told beyond what the header already says.
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  static final String NO_TOKEN =
      "This needs a bearer token from the university's identity provider"
          + " (Authorization: Bearer <token>).";
  static final String REFUSED_TOKEN =
      "The bearer token was refused: it has expired, is not valid yet, is not for this API or is"
          + " not signed by the identity provider. Sign in again for a new one.";

  private final BearerTokenAuthenticationEntryPoint bearer =
      new BearerTokenAuthenticationEntryPoint();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    bearer.commence(request, response, failure);
    ServletProblems.write(
        response,
        HttpStatus.UNAUTHORIZED,
        "Unauthorized",
        failure instanceof OAuth2AuthenticationException ? REFUSED_TOKEN : NO_TOKEN,
        request.getRequestURI());
  }
}
