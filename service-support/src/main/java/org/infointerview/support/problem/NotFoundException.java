package org.infointerview.support.problem;

/**
 * The resource does not exist, or the caller may not know that it does: both answer 404, so a
 * response never tells whether someone else's record exists.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, String id) {
    super(what + " " + id + " was not found");
  }

  /** Not found, with an explanation of what to do about it. */
  public NotFoundException(String explanation) {
    super(explanation);
  }
}
