package org.infointerview.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For a browser signed in through the gateway, puts the session's access token (refreshed when it
 * has expired) on the request as a bearer token, so the services check it as they check any other.
 * When the provider refuses a new one, the session ends ({@link SignInEndedException}). The token
 * never reaches the browser. Requests that arrive with their own bearer token pass as they are.
 */
class TokenRelayFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(TokenRelayFilter.class);

  private final OAuth2AuthorizedClientManager clients;

  TokenRelayFilter(OAuth2AuthorizedClientManager clients) {
    this.clients = clients;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof OAuth2AuthenticationToken signedIn)
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      chain.doFilter(request, response);
      return;
    }
    OAuth2AuthorizedClient client;
    try {
      client =
          clients.authorize(
              OAuth2AuthorizeRequest.withClientRegistrationId(
                      signedIn.getAuthorizedClientRegistrationId())
                  .principal(signedIn)
                  .attribute(HttpServletRequest.class.getName(), request)
                  .attribute(HttpServletResponse.class.getName(), response)
                  .build());
    } catch (ClientAuthorizationException refused) {
      // The token has expired and the provider gives no new one: the sign-in is over here too.
      log.info(
          "A browser's sign-in ended at the identity provider ({})",
          refused.getError().getErrorCode());
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
      throw new SignInEndedException(refused);
    }
    if (client == null) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(
        new WithBearer(request, "Bearer " + client.getAccessToken().getTokenValue()), response);
  }

  private static final class WithBearer extends HttpServletRequestWrapper {

    private final String authorization;

    WithBearer(HttpServletRequest request, String authorization) {
      super(request);
      this.authorization = authorization;
    }

    @Override
    public @Nullable String getHeader(String name) {
      return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)
          ? authorization
          : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)
          ? Collections.enumeration(List.of(authorization))
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
      names.add(HttpHeaders.AUTHORIZATION);
      return Collections.enumeration(names);
    }
  }
}
