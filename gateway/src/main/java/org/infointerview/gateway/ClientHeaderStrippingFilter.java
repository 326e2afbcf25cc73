package org.infointerview.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Removes identity headers a client could forge before anything reads them: {@code X-User-*}
 * always, and {@code X-Forwarded-*}, {@code Forwarded} and {@code X-Real-IP} unless the request
 * comes from a trusted proxy. Services learn who calls from the token only.
 */
class ClientHeaderStrippingFilter extends OncePerRequestFilter {

  private static final List<String> FORWARDING = List.of("x-forwarded-", "forwarded", "x-real-ip");

  private final @Nullable Pattern trustedProxies;

  ClientHeaderStrippingFilter(String trustedProxies) {
    this.trustedProxies = trustedProxies.isBlank() ? null : Pattern.compile(trustedProxies);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean trusted =
        trustedProxies != null && trustedProxies.matcher(request.getRemoteAddr()).matches();
    chain.doFilter(new Stripped(request, trusted), response);
  }

  private static final class Stripped extends HttpServletRequestWrapper {

    private final boolean trustedProxy;

    Stripped(HttpServletRequest request, boolean trustedProxy) {
      super(request);
      this.trustedProxy = trustedProxy;
    }

    /** Asked for every header lookup of every filter, so no copies or streams. */
    private boolean hidden(String name) {
      if (startsWith(name, "x-user-")) {
        return true;
      }
      if (trustedProxy) {
        return false;
      }
      for (String prefix : FORWARDING) {
        if (startsWith(name, prefix)) {
          return true;
        }
      }
      return false;
    }

    private static boolean startsWith(String name, String lowerCasePrefix) {
      return name.regionMatches(true, 0, lowerCasePrefix, 0, lowerCasePrefix.length());
    }

    @Override
    public @Nullable String getHeader(String name) {
      return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      return Collections.enumeration(
          Collections.list(super.getHeaderNames()).stream().filter(n -> !hidden(n)).toList());
    }
  }
}
