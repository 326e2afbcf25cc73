package org.infointerview.gateway;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a caller gets when a service is down, slow or its circuit is open: a 503 problem. Why the
 * call failed is logged (the kind of failure and its cause, never the request's address or
 * headers), so operations can tell a service that is down from one that is slow or from a fault of
 * the gateway. Its own address is no part of the API, hence hidden from the API document.
 */
@RestController
@Hidden
class FallbackController {

  private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

  @RequestMapping("/fallback/{service}")
  ResponseEntity<ProblemDetail> unavailable(
      @PathVariable String service, HttpServletRequest request) {
    Object failed = request.getAttribute(MvcUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    ProblemDetail clientFault = ClientFaults.problemFor(failed instanceof Throwable t ? t : null);
    if (clientFault != null) {
      // The client's own mistake, found while its request streamed through: said as such.
      HttpStatus status = HttpStatus.valueOf(clientFault.getStatus());
      clientFault.setTitle(status.getReasonPhrase());
      clientFault.setInstance(askedFor(request));
      return ResponseEntity.status(status).body(clientFault);
    }
    if (failed instanceof Throwable failure) {
      // The root cause says why (refused, timed out) without the request's address, which may
      // carry a search for an email address in its query.
      Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
      log.warn(
          "{} did not answer: {} ({})", service, failure.getClass().getName(), cause.toString());
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            service + " is not answering right now; please try again shortly.");
    problem.setTitle("Service Unavailable");
    problem.setProperty("service", service);
    problem.setInstance(askedFor(request));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
  }

  /** The address the client asked for, not the fallback's that the request was forwarded to. */
  private static @Nullable URI askedFor(HttpServletRequest request) {
    Object forwardedFrom = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    String path = forwardedFrom instanceof String original ? original : request.getRequestURI();
    try {
      return new URI(path);
    } catch (URISyntaxException unusable) {
      return null;
    }
  }
}
