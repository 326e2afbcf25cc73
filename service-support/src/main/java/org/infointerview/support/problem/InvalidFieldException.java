package org.infointerview.support.problem;

/** A field's value breaks a rule that bean validation cannot express; answers 400. */
public class InvalidFieldException extends RuntimeException {

  private final String field;

  public InvalidFieldException(String field, String reason) {
    super(reason);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
