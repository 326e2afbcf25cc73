package org.infointerview.support.problem;

import java.util.List;

/**
 * The request is well-formed but its content cannot be used as a whole (a file that does not parse,
 * a row limit exceeded); answers 422 with the reason and, where known, the fields at fault.
 */
public class UnprocessableException extends RuntimeException {

  private final List<FieldError> errors;

  public UnprocessableException(String reason, List<FieldError> errors) {
    super(reason);
    this.errors = List.copyOf(errors);
  }

  public UnprocessableException(String reason) {
    this(reason, List.of());
  }

  public List<FieldError> errors() {
    return errors;
  }
}
