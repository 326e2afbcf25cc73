package org.infointerview.support.problem;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.infointerview.support.http.RequestTooLargeException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns failures into RFC 9457 {@code application/problem+json}: 400 with an {@code errors} list of
 * field and reason for bad input (a value of the wrong kind and an unknown field too), 400 with
 * where it breaks for a body that is not JSON, 404 for what is missing or not the caller's, 409 for
 * conflicts, 410 for what is over for good.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

  private static final URI INVALID =
      URI.create("https://infointerview.org/problems/invalid-request");
  private static final URI UNPROCESSABLE =
      URI.create("https://infointerview.org/problems/unprocessable-content");

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(e -> new FieldError(e.getField(), reason(e)))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  /**
   * A query or path parameter that is not of its kind ({@code ?page=99999999999}, {@code
   * ?size=abc}): a 400 that names the parameter and what it takes, never Spring's conversion
   * message with its Java types.
   */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException argument
            ? argument.getName()
            : String.valueOf(ex.getPropertyName());
    Class<?> required = ex.getRequiredType();
    return ResponseEntity.badRequest()
        .body(invalid(List.of(new FieldError(name, mustBe(required)))));
  }

  /** A bound field's error: a value of the wrong kind in plain words, else the rule's message. */
  private static String reason(org.springframework.validation.FieldError error) {
    if (error.contains(TypeMismatchException.class)) {
      return mustBe(error.unwrap(TypeMismatchException.class).getRequiredType());
    }
    return String.valueOf(error.getDefaultMessage());
  }

  private static String mustBe(@Nullable Class<?> required) {
    String reason = "must be " + BodyErrors.expected(required);
    if (required == int.class || required == Integer.class) {
      reason += " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    return reason;
  }

  /**
   * An address no endpoint answers. Spring's own detail speaks of a missing "static resource", a
   * word about its internals that means nothing to an API client, and names the service's path.
   */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "No endpoint answers " + ex.getHttpMethod() + " at this address.");
    problem.setTitle("Not Found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(headers).body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
      }
    }
    Optional<FieldError> badField = BodyErrors.fieldError(ex);
    if (badField.isPresent()) {
      return ResponseEntity.badRequest().body(invalid(List.of(badField.get())));
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, BodyErrors.notJson(ex));
    problem.setType(INVALID);
    problem.setTitle("Malformed request body");
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(RequestTooLargeException.class)
  ProblemDetail tooLarge(RequestTooLargeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    problem.setTitle("Payload Too Large");
    return problem;
  }

  @ExceptionHandler(InvalidFieldException.class)
  ProblemDetail invalidField(InvalidFieldException e) {
    return invalid(e.errors());
  }

  @ExceptionHandler(UnprocessableException.class)
  ProblemDetail unprocessable(UnprocessableException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    problem.setType(UNPROCESSABLE);
    problem.setTitle("Unprocessable content");
    problem.setProperty("errors", e.errors());
    return problem;
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Conflict");
    problem.setProperty("reason", e.reason());
    e.details().forEach(problem::setProperty);
    return problem;
  }

  @ExceptionHandler(GoneException.class)
  ProblemDetail gone(GoneException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, e.getMessage());
    problem.setTitle("Gone");
    problem.setProperty("reason", e.reason());
    return problem;
  }

  @ExceptionHandler(PreconditionException.class)
  ProblemDetail precondition(PreconditionException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            e.ifMatchAbsent() ? HttpStatus.PRECONDITION_REQUIRED : HttpStatus.PRECONDITION_FAILED,
            e.getMessage());
    problem.setTitle(e.ifMatchAbsent() ? "If-Match required" : "Changed meanwhile");
    return problem;
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return invalid(errors);
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN, "Your role does not allow this action.");
    problem.setTitle("Forbidden");
    return problem;
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail changedMeanwhile(OptimisticLockingFailureException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The resource was changed by someone else; read it and try again.");
    problem.setTitle("Changed meanwhile");
    return problem;
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ProblemDetail duplicate(DuplicateKeyException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The resource already exists.");
    problem.setTitle("Already exists");
    return problem;
  }

  private static ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            errors.stream()
                .map(e -> e.field() + ": " + e.reason())
                .reduce((a, b) -> a + "; " + b)
                .orElse("The request is invalid."));
    problem.setType(INVALID);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return problem;
  }

  private static String leaf(String path) {
    int dot = path.indexOf('.');
    return dot >= 0 ? path.substring(dot + 1) : path;
  }
}
