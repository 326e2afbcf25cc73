package org.infointerview.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.util.HtmlUtils;

/**
 * What a person sees when signing in did not complete: a short page that says why in plain words
 * and offers to sign in again, instead of Spring Security's generic login page ("Invalid
 * credentials", whose style sheet the gateway's content policy blocks). The reason is chosen by the
 * OAuth 2.0 error code among the ones this page knows, never copied from the provider's free-text
 * description or anything else in the address, so nothing a third party put in a link is shown
 * back.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

  private static final Logger log = LoggerFactory.getLogger(SignInFailureHandler.class);

  private static final Map<String, String> REASONS =
      Map.of(
          "access_denied",
          "The university's sign-in page did not let you in, or the sign-in was cancelled.",
          "authorization_request_not_found",
          "This sign-in was started in another window or too long ago.",
          "invalid_state_parameter",
          "This sign-in was started in another window or too long ago.",
          "login_required",
          "The university's sign-in page needs you to sign in again.",
          "temporarily_unavailable",
          "The university's sign-in service is busy or down for a moment.",
          "server_error",
          "The university's sign-in service had a problem.");

  private static final String OTHER_REASON =
      "The university's sign-in service could not sign you in.";

  private final String signInPath;

  SignInFailureHandler(String signInPath) {
    this.signInPath = signInPath;
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String code =
        exception instanceof OAuth2AuthenticationException oauth
            ? oauth.getError().getErrorCode()
            : "unknown";
    // Only a code this page knows is named, in the log as on the page: the code comes from the
    // address the browser was sent back to.
    String known = REASONS.containsKey(code) ? code : "other";
    log.info("Sign-in did not complete: {}", known);
    String reason = REASONS.getOrDefault(code, OTHER_REASON);
    String page =
        """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Sign-in did not complete · InfoInterview</title></head>
        <body>
        <h1>Sign-in did not complete</h1>
        <p>%s</p>
        <p><a href="%s">Sign in again</a></p>
        <p><small>Reason given: %s</small></p>
        </body>
        </html>
        """
            .formatted(
                HtmlUtils.htmlEscape(reason),
                HtmlUtils.htmlEscape(signInPath),
                HtmlUtils.htmlEscape(known));
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
    response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
  }
}
