package org.infointerview.contacts.imports;

/**
 * A file that cannot be imported at all: not text (415), or not a CSV we can read (422). Nothing of
 * it is stored.
 */
final class ImportRefused extends RuntimeException {

  private final boolean notText;

  private ImportRefused(String reason, boolean notText) {
    super(reason);
    this.notText = notText;
  }

  static ImportRefused notText(String reason) {
    return new ImportRefused(reason, true);
  }

  static ImportRefused unreadable(String reason) {
    return new ImportRefused(reason, false);
  }

  boolean notText() {
    return notText;
  }
}
