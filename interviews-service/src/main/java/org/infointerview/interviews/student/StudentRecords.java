package org.infointerview.interviews.student;

import java.util.Collection;

/**
 * Records a feature keeps of a student's time as a student (interviews, research notes, shares):
 * counted and removed by retention once the student graduated long enough ago.
 */
public interface StudentRecords {

  /** What they are, in words ("interviews"). */
  String kind();

  /** How many these students have. */
  long countOf(Collection<String> studentIds);

  /** Removes the student's. */
  void removeOf(String studentId);
}
