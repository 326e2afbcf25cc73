package org.infointerview.support.http;

import org.springframework.util.unit.DataSize;

/** A request body went past the limit; answers 413. */
public class RequestTooLargeException extends RuntimeException {

  public RequestTooLargeException(DataSize limit) {
    super("The request body is larger than " + readable(limit) + ", the most accepted here.");
  }

  /** A size as people write it: whole megabytes in MB, anything else in KB. */
  static String readable(DataSize size) {
    long bytes = size.toBytes();
    if (bytes >= DataSize.ofMegabytes(1).toBytes()
        && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
      return size.toMegabytes() + " MB";
    }
    return Math.max(1, size.toKilobytes()) + " KB";
  }
}
