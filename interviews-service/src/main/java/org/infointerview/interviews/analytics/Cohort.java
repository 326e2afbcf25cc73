package org.infointerview.interviews.analytics;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which interviews a report counts: planned in a range of days, optionally of a career field, and
 * of students of a class year, a major and a program (as their identity provider says them).
 */
record Cohort(
    LocalDate from,
    LocalDate to,
    @Nullable String careerField,
    @Nullable Integer classYear,
    @Nullable String major,
    @Nullable String program) {

  /** Whether it asks for students by their studies. */
  boolean byStudies() {
    return classYear != null || major != null || program != null;
  }
}
