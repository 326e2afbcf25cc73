package org.infointerview.contacts.imports;

/** Where an import job is in its life. */
public enum ImportStatus {
  QUEUED,
  RUNNING,
  COMPLETED,
  CANCELLED,
  /** Stopped by an error or a restart; the rows imported before stay (re-import to finish). */
  FAILED,
  UNDOING,
  UNDONE;

  boolean finished() {
    return this == COMPLETED || this == CANCELLED || this == FAILED;
  }
}
