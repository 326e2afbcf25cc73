package org.infointerview.contacts.contact;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where some of a contact's field values came from: an import's row, a directory sync, a person's
 * own edit. The newest entry naming a field is that field's origin.
 *
 * @param origin IMPORT, ALUMNI_SYNC, STUDENT, ADMIN, SELF, REFERRAL, or DERIVED (career fields and
 *     industry from the mapping table; the reference names its version)
 * @param reference the import's id or the user's id
 * @param row the row of the import's file (1 = first data row); null when not from a file
 * @param at when the values were written
 * @param fields the fields this entry set
 */
public record Provenance(
    String origin, String reference, @Nullable Long row, Instant at, List<String> fields) {

  /** The origin of values the career-field mapping table derived. */
  public static final String DERIVED = "DERIVED";

  public Provenance {
    fields = List.copyOf(fields);
  }
}
