package org.infointerview.support.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container's error dispatch answers (a {@code sendError} from a filter, Spring
 * Security's refusal of a browser's write without its CSRF token, a failure outside Spring MVC): a
 * problem in plain words, like every other error, instead of Spring Boot's own JSON with its
 * timestamp and path.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    HttpStatus status = status(request);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status, request));
    problem.setTitle(status.getReasonPhrase());
    problem.setInstance(askedFor(request));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  private static String detail(HttpStatus status, HttpServletRequest request) {
    if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
      return "The request's CSRF token is missing or out of date: send the XSRF-TOKEN cookie's"
          + " value in the X-XSRF-TOKEN header.";
    }
    return switch (status) {
      case BAD_REQUEST -> "The request could not be read as sent; check its address and headers.";
      case UNAUTHORIZED -> "Sign in, or send a valid bearer token.";
      case FORBIDDEN -> "This request is not allowed for you.";
      case NOT_FOUND -> "No endpoint answers this address.";
      case METHOD_NOT_ALLOWED -> "This address does not take this method.";
      case PAYLOAD_TOO_LARGE -> "The request body is larger than accepted here.";
      case URI_TOO_LONG -> "The address is longer than accepted here.";
      case REQUEST_HEADER_FIELDS_TOO_LARGE ->
          "The request's headers are larger than accepted here.";
      default ->
          status.is4xxClientError()
              ? "The request could not be served as sent."
              : "Something went wrong on our side; please try again shortly.";
    };
  }

  private static @Nullable URI askedFor(HttpServletRequest request) {
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    try {
      return path instanceof String original ? new URI(original) : null;
    } catch (URISyntaxException unusable) {
      return null;
    }
  }
}
