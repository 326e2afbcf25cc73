package org.infointerview.support.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;

/**
 * Checks a request body's constraints inside the handler method. Spring checks {@code @Valid}
 * bodies while binding, before method security runs, so someone without the role would learn the
 * body's rules (400) instead of being refused (403). Endpoints for one role check their body here,
 * after the role.
 */
public final class RequestBodies {

  private RequestBodies() {}

  /**
   * @return the body, when every constraint holds
   * @throws InvalidFieldException (400) otherwise, naming each field by its path in the body
   *     ({@code columns[0].header}), as binding would
   */
  public static <T> T checked(Validator validator, T body) {
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(
          violations.stream()
              .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
              .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::reason))
              .toList());
    }
    return body;
  }
}
