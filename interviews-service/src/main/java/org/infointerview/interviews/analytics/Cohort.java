package org.infointerview.interviews.analytics;

import java.time.LocalDate;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Which interviews a report counts: planned in a range of days, optionally of a career field, and
 * of students of a class year, a major and a program (as their identity provider says them; text
 * matches case aside).
 */
record Cohort(
    LocalDate from,
    LocalDate to,
    @Nullable String careerField,
    @Nullable Integer classYear,
    @Nullable String major,
    @Nullable String program) {

  /** Whether a day's slice (of a career field and studies) belongs to this cohort. */
  boolean counts(Document slice) {
    return (careerField == null || careerField.equals(slice.getString("careerField")))
        && (classYear == null
            || (slice.get("classYear") instanceof Number year && year.intValue() == classYear))
        && (major == null || major.equalsIgnoreCase(slice.getString("major")))
        && (program == null || program.equalsIgnoreCase(slice.getString("program")));
  }
}
