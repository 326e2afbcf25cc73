package org.infointerview.gateway;

import org.eclipse.jetty.http.HttpException;
import org.infointerview.support.http.RequestTooLargeException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Failures of a proxied call that the client caused, not the service: its body went past the limit
 * while it streamed through, or the container could not read what it sent. Found anywhere in the
 * failure's chain of causes.
 */
final class ClientFaults {

  private ClientFaults() {}

  /** Whether the failure is the client's. */
  static boolean isClientFault(@Nullable Throwable failure) {
    return problemFor(failure) != null;
  }

  /**
   * The problem the client's fault deserves (413 with the limit's words, or the container's 4xx),
   * or null when the failure is not the client's.
   */
  static @Nullable ProblemDetail problemFor(@Nullable Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestTooLargeException tooLarge) {
        return ProblemDetail.forStatusAndDetail(
            HttpStatus.PAYLOAD_TOO_LARGE, String.valueOf(tooLarge.getMessage()));
      }
      if (cause instanceof HttpException container
          && container.getCode() >= 400
          && container.getCode() < 500) {
        HttpStatus status = HttpStatus.resolve(container.getCode());
        return ProblemDetail.forStatusAndDetail(
            status == null ? HttpStatus.BAD_REQUEST : status,
            "The request could not be read as sent; check its address, headers and body.");
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
