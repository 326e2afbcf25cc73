package org.infointerview.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a caller gets when a service is down, slow or its circuit is open: a 503 problem. */
@RestController
class FallbackController {

  @RequestMapping("/fallback/{service}")
  ProblemDetail unavailable(@PathVariable String service) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            service + " is not answering right now; please try again shortly.");
    problem.setTitle("Service Unavailable");
    problem.setProperty("service", service);
    return problem;
  }
}
