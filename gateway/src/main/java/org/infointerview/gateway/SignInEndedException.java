package org.infointerview.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.infointerview.support.problem.ServletProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A browser's sign-in that the identity provider no longer honours: its access token expired and
 * the provider refused a new one (the person signed out there, was idle past the provider's limit,
 * or was disabled). The gateway's session ends with it; an API call gets a 401 problem that says
 * so, a page is sent to sign in again.
 */
final class SignInEndedException extends AuthenticationException {

  static final String DETAIL =
      "Your sign-in at the university's identity provider has ended (signed out there, or idle for"
          + " too long). Sign in again.";

  SignInEndedException(Throwable cause) {
    super(DETAIL, cause);
  }

  /** The API's answer: this exception's own 401, anything else as {@code otherwise} answers it. */
  static AuthenticationEntryPoint orElse(AuthenticationEntryPoint otherwise) {
    return (HttpServletRequest request,
        HttpServletResponse response,
        AuthenticationException e) -> {
      if (!(e instanceof SignInEndedException)) {
        otherwise.commence(request, response, e);
        return;
      }
      writeProblem(request, response);
    };
  }

  private static void writeProblem(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    ServletProblems.write(
        response, HttpStatus.UNAUTHORIZED, "Unauthorized", DETAIL, request.getRequestURI());
  }
}
