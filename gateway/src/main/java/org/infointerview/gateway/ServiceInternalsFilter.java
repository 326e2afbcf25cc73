package org.infointerview.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.infointerview.support.problem.ServletProblems;
import org.infointerview.support.security.SecurityHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * A service's actuator and its service-to-service API are never reached through the gateway ({@code
 * /api/<service>/actuator/**} and {@code /api/<service>/internal/**} answer 404 as any unknown
 * address does, however the path is spelled in case or %-escapes): metrics and health details are
 * on each service's management port, for scrapers; {@code /internal/**} is for the platform's own
 * service clients on the private network (and checks their scope itself).
 */
class ServiceInternalsFilter extends OncePerRequestFilter {

  private static final List<String> FIRST_SEGMENTS = List.of("actuator", "internal");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (internal(request.getRequestURI())) {
      SecurityHeaders.writeApiHeaders(response);
      ServletProblems.write(
          response,
          HttpStatus.NOT_FOUND,
          "Not Found",
          "No endpoint answers " + request.getMethod() + " at this address.",
          request.getRequestURI());
      return;
    }
    chain.doFilter(request, response);
  }

  /** {@code /api/<service>/actuator} or {@code /internal}, or below, as sent or decoded. */
  static boolean internal(String path) {
    String decoded;
    try {
      decoded = UriUtils.decode(path, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return true;
    }
    return internalAsSpelled(path) || internalAsSpelled(decoded);
  }

  private static boolean internalAsSpelled(String path) {
    if (!path.startsWith("/api/")) {
      return false;
    }
    int service = path.indexOf('/', "/api/".length());
    if (service < 0) {
      return false;
    }
    int start = service;
    while (start < path.length() && path.charAt(start) == '/') {
      start++;
    }
    String rest = path.substring(start);
    return FIRST_SEGMENTS.stream().anyMatch(segment -> firstSegmentIs(rest, segment));
  }

  private static boolean firstSegmentIs(String rest, String segment) {
    return rest.regionMatches(true, 0, segment, 0, segment.length())
        && (rest.length() == segment.length()
            || rest.charAt(segment.length()) == '/'
            || rest.charAt(segment.length()) == ';');
  }
}
