package org.infointerview.support.problem;

/**
 * A conditional write whose condition failed: 412 when {@code If-Match} names a version that is no
 * longer current, 428 when a write that needs {@code If-Match} came without it.
 */
public class PreconditionException extends RuntimeException {

  private final boolean missing;

  private PreconditionException(boolean missing, String message) {
    super(message);
    this.missing = missing;
  }

  /** The resource changed since the caller read it. */
  public static PreconditionException changed(String resource) {
    return new PreconditionException(
        false,
        resource
            + " was changed since you read it (If-Match does not match its ETag); read it again"
            + " and retry.");
  }

  /** The caller did not say which version it read. */
  public static PreconditionException missing() {
    return new PreconditionException(
        true, "Send If-Match with the ETag you read, so no one else's change is overwritten.");
  }

  /** Whether {@code If-Match} was absent (428) rather than stale (412). */
  public boolean ifMatchAbsent() {
    return missing;
  }
}
