package org.infointerview.contacts.contact;

import org.jspecify.annotations.Nullable;

/**
 * What the university's alumni database says about a graduate.
 *
 * @param externalId the alumni database's id, the strongest match key
 */
public record AlumniFacts(
    @Nullable String externalId,
    @Nullable Integer graduationYear,
    @Nullable String degree,
    @Nullable String major,
    @Nullable String college) {

  boolean isEmpty() {
    return externalId == null
        && graduationYear == null
        && degree == null
        && major == null
        && college == null;
  }
}
