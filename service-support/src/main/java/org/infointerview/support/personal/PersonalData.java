package org.infointerview.support.personal;

import java.io.IOException;
import org.infointerview.support.security.CurrentUser;

/**
 * What a feature keeps about a person: written into their export, and removed when they are erased.
 * A bean of each feature that holds such data; the service's export and erasure use every one of
 * them, so each service's export and erasure tests list what they expect.
 */
public interface PersonalData {

  /** Writes what the feature holds about the person, as files of the archive. */
  void export(CurrentUser person, PersonalArchive archive) throws IOException;

  /**
   * Removes (or anonymizes, where a record must stay for others) what the feature holds about the
   * person. Runs again when an erasure is retried, so it does only what is left to do.
   */
  void erase(String personId);
}
