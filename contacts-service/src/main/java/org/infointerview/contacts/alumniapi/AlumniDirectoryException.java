package org.infointerview.contacts.alumniapi;

/** Why a page of the alumni database could not be had, after any retries. */
public final class AlumniDirectoryException extends RuntimeException {

  /** What kind of trouble it was. */
  public enum Reason {
    /** The answer was not the JSON the contract describes. */
    MALFORMED_PAYLOAD,
    /** The API kept failing (5xx, 429, resets, no answer) after every retry. */
    UNAVAILABLE,
    /** The API refused our credentials. */
    UNAUTHORIZED,
    /** The API answered with a status the contract does not expect. */
    UNEXPECTED_STATUS,
    /** The API redirected to another host, or too often. */
    REDIRECT_REFUSED,
    /** The address is not one we may call (loopback, private, link-local...). */
    ADDRESS_REFUSED
  }

  private final Reason reason;

  public AlumniDirectoryException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public AlumniDirectoryException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
