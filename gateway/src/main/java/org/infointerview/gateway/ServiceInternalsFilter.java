package org.infointerview.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.infointerview.support.problem.ServletProblems;
import org.infointerview.support.security.SecurityHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A service's actuator is never reached through the gateway ({@code /api/<service>/actuator/**}
 * answers 404 as any unknown address does), even if a service were deployed with its actuator on
 * the API port: metrics and health details are on each service's management port, for scrapers.
 */
class ServiceInternalsFilter extends OncePerRequestFilter {

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

  /** {@code /api/<service>/actuator} or below, however the path is spelled in case. */
  static boolean internal(String path) {
    if (!path.startsWith("/api/")) {
      return false;
    }
    int service = path.indexOf('/', "/api/".length());
    if (service < 0) {
      return false;
    }
    String rest = path.substring(service);
    return rest.regionMatches(true, 0, "/actuator", 0, "/actuator".length())
        && (rest.length() == "/actuator".length() || rest.charAt("/actuator".length()) == '/');
  }
}
