package org.infointerview.support.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request cannot be done in the resource's present state (an interview that is not scheduled
 * cannot be completed, a volunteer whose monthly capacity is reached cannot be asked): answers 409
 * with the reason in plain words, a stable {@code reason} code a client can act on, and whatever
 * else helps (the allowed next steps).
 */
public class ConflictException extends RuntimeException {

  private final String reason;
  private final Map<String, Object> details;

  /**
   * @param reason a stable code, such as {@code ILLEGAL_TRANSITION} or {@code CAPACITY_REACHED}
   * @param message what happened and what to do, in plain words
   */
  public ConflictException(String reason, String message) {
    this(reason, message, Map.of());
  }

  public ConflictException(String reason, String message, Map<String, Object> details) {
    super(message);
    this.reason = reason;
    this.details = new LinkedHashMap<>(details);
  }

  public String reason() {
    return reason;
  }

  /** Further properties of the problem, by name. */
  public Map<String, Object> details() {
    return Map.copyOf(details);
  }
}
