package org.infointerview.support.http;

import org.springframework.util.unit.DataSize;

/** A request body went past the limit; answers 413. */
public class RequestTooLargeException extends RuntimeException {

  public RequestTooLargeException(DataSize limit) {
    super("The request body is larger than " + limit.toKilobytes() + " KB.");
  }
}
