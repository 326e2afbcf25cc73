package org.infointerview.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token of a request, found as {@link DefaultBearerTokenResolver} finds it with its
 * defaults (the {@code Authorization} header only, never a query or form parameter; {@code Bearer},
 * one space, then RFC 6750 token characters, else 401 "malformed"), checked in one loop instead of
 * a regular expression over the kilobyte-long header on every request.
 */
final class BearerTokens implements BearerTokenResolver {

  private static final String SCHEME = "Bearer";

  @Override
  public @Nullable String resolve(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return null;
    }
    if (!wellFormed(authorization)) {
      throw new OAuth2AuthenticationException(
          BearerTokenErrors.invalidToken("Bearer token is malformed"));
    }
    return authorization.substring(SCHEME.length() + 1);
  }

  /** {@code Bearer <b64token>}: {@code [A-Za-z0-9-._~+/]+=*} after exactly one space. */
  private static boolean wellFormed(String authorization) {
    int start = SCHEME.length() + 1;
    if (authorization.length() <= start || authorization.charAt(SCHEME.length()) != ' ') {
      return false;
    }
    int i = start;
    while (i < authorization.length() && tokenCharacter(authorization.charAt(i))) {
      i++;
    }
    if (i == start) {
      return false;
    }
    while (i < authorization.length() && authorization.charAt(i) == '=') {
      i++;
    }
    return i == authorization.length();
  }

  private static boolean tokenCharacter(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~'
        || c == '+'
        || c == '/';
  }
}
