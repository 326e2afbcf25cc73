package org.infointerview.contacts.imports;

import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Whose contacts an import brings in line: the institution's directory (admins, at {@code
 * /imports}) or one student's own contacts (at {@code /me/imports}). A scope sees only its own
 * jobs: a student never another's, an admin never a student's.
 *
 * @param ownerId the student, or null for the directory
 */
record ImportScope(@Nullable String ownerId) {

  static ImportScope directory() {
    return new ImportScope(null);
  }

  static ImportScope ownedBy(CurrentUser student) {
    return new ImportScope(student.id());
  }

  boolean personal() {
    return ownerId != null;
  }

  /** The jobs of this scope. */
  Criteria jobs() {
    return ownerId == null
        ? Criteria.where("ownerId").isNull()
        : Criteria.where("ownerId").is(ownerId);
  }

  /** Where its jobs' error reports are, below the API's public path. */
  String path() {
    return ownerId == null ? "/imports/" : "/me/imports/";
  }
}
