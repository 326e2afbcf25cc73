package org.infointerview.support.problem;

/**
 * What the request names existed and is over for good (a link already used or expired): answers 410
 * with a stable {@code reason} code and what to do in plain words.
 */
public class GoneException extends RuntimeException {

  private final String reason;

  /**
   * @param reason a stable code, such as {@code LINK_USED} or {@code LINK_EXPIRED}
   * @param message what happened and what to do, in plain words
   */
  public GoneException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
