package org.infointerview.support.security;

import org.jspecify.annotations.Nullable;

/**
 * What the identity provider says of a student's studies, when it says it (claims named by {@code
 * infointerview.security.studies.*}): a controller takes it as a parameter beside {@link
 * CurrentUser}. Cohort analytics filter by it; retention counts years from the class year.
 *
 * @param classYear the year they graduate (or graduated)
 * @param major their major
 * @param program their program (a school, a degree programme), as the provider names it
 */
public record Studies(
    @Nullable Integer classYear, @Nullable String major, @Nullable String program) {

  /** Nothing said. */
  public static final Studies NONE = new Studies(null, null, null);
}
