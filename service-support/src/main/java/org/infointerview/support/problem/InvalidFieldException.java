package org.infointerview.support.problem;

import java.util.List;

/** Field values break rules that bean validation cannot express; answers 400 naming each. */
public class InvalidFieldException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidFieldException(String field, String reason) {
    this(List.of(new FieldError(field, reason)));
  }

  public InvalidFieldException(List<FieldError> errors) {
    super(
        errors.isEmpty()
            ? "The request is invalid."
            : errors.get(0).field() + ": " + errors.get(0).reason());
    this.errors = List.copyOf(errors);
  }

  /** The first rejected field. */
  public String field() {
    return errors.isEmpty() ? "" : errors.get(0).field();
  }

  public List<FieldError> errors() {
    return errors;
  }
}
