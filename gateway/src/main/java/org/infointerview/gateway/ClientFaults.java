package org.infointerview.gateway;

import org.eclipse.jetty.http.HttpException;
import org.infointerview.support.http.RequestTooLargeException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Failures of a proxied call that the client caused, not the service: its body went past the limit
 * while it streamed through, or the container could not read what it sent. Found anywhere in the
 * failure's chain of causes.
 */
final class ClientFaults {

  private ClientFaults() {}

  /** The 4xx status the client's fault deserves, or null when the failure is not the client's. */
  static @Nullable HttpStatus statusOf(@Nullable Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestTooLargeException) {
        return HttpStatus.PAYLOAD_TOO_LARGE;
      }
      if (cause instanceof HttpException container
          && container.getCode() >= 400
          && container.getCode() < 500) {
        HttpStatus status = HttpStatus.resolve(container.getCode());
        return status == null ? HttpStatus.BAD_REQUEST : status;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
