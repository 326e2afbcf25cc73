package org.infointerview.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every absolute address the gateway builds (the sign-in's {@code redirect_uri}, the address to
 * come back to after signing in or out, any link) starts with its configured public address ({@code
 * GATEWAY_PUBLIC_URL}), never with the {@code Host} header a client sent: the request's scheme,
 * host and port are the public address's for everything behind this filter. Without a public
 * address, the gateway's own listening port on {@code localhost} (the local run, tests).
 */
class PublicAddressFilter extends OncePerRequestFilter {

  private final @Nullable URI publicUrl;

  PublicAddressFilter(String publicUrl) {
    this.publicUrl = publicUrl.isBlank() ? null : URI.create(publicUrl.strip());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new Public(request, publicUrl), response);
  }

  /** A request that names the public address as its own. */
  private static final class Public extends HttpServletRequestWrapper {

    private final String scheme;
    private final String host;
    private final int port;

    Public(HttpServletRequest request, @Nullable URI publicUrl) {
      super(request);
      if (publicUrl == null) {
        scheme = "http";
        host = "localhost";
        port = request.getLocalPort();
      } else {
        scheme = publicUrl.getScheme().toLowerCase(Locale.ROOT);
        host = publicUrl.getHost();
        port = publicUrl.getPort() != -1 ? publicUrl.getPort() : "https".equals(scheme) ? 443 : 80;
      }
    }

    @Override
    public String getScheme() {
      return scheme;
    }

    @Override
    public boolean isSecure() {
      return "https".equals(scheme);
    }

    @Override
    public String getServerName() {
      return host;
    }

    @Override
    public int getServerPort() {
      return port;
    }

    private String authority() {
      boolean defaultPort =
          ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
      return defaultPort ? host : host + ":" + port;
    }

    @Override
    public StringBuffer getRequestURL() {
      return new StringBuffer(scheme).append("://").append(authority()).append(getRequestURI());
    }

    @Override
    public @Nullable String getHeader(String name) {
      return "Host".equalsIgnoreCase(name) ? authority() : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Host".equalsIgnoreCase(name)
          ? Collections.enumeration(List.of(authority()))
          : super.getHeaders(name);
    }
  }
}
