package org.infointerview.support.export;

import java.io.IOException;
import org.infointerview.support.security.CurrentUser;

/**
 * What a feature keeps about a person, written into their export: a bean of each feature that holds
 * such data. The archive collects every bean of the service; a feature that forgets one leaves its
 * data out of the person's export, so each service's export test lists what it expects.
 */
public interface PersonalData {

  /** Writes what the feature holds about the person, as files of the archive. */
  void export(CurrentUser person, PersonalArchive archive) throws IOException;
}
