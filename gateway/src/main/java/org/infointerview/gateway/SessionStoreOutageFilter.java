package org.infointerview.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.infointerview.support.problem.ServletProblems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the shared session store (Redis) does not answer, a browser's request that needs its session
 * gets a 503 problem that says so and when to try again, instead of the servlet container's bare
 * 500 page. Runs in front of Spring Session's filter, so it sees the store's failure however deep
 * in the request it happened. Requests with a bearer token never reach the store and are served as
 * usual.
 */
class SessionStoreOutageFilter extends OncePerRequestFilter {

  static final String RETRY_AFTER_SECONDS = "10";

  private static final Logger log = LoggerFactory.getLogger(SessionStoreOutageFilter.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException e) {
      DataAccessException outage = storeFailure(e);
      if (outage == null) {
        throw e;
      }
      log.warn("The session store does not answer: {}", outage.getMostSpecificCause().toString());
      if (response.isCommitted()) {
        return;
      }
      response.reset();
      response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
      ServletProblems.write(
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "Service Unavailable",
          "Signed-in sessions are unavailable for a moment: the session store does not answer."
              + " Try again in a few seconds. Calls with a bearer token are not affected.",
          request.getRequestURI());
    }
  }

  private static @Nullable DataAccessException storeFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessException store) {
        return store;
      }
    }
    return null;
  }
}
