package org.infointerview.interviews.sharing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A student's interview (or all of them) shared with one advisor, until the student stops it (the
 * share is then removed; the audit keeps what was read while it lasted).
 *
 * @param interviewId the interview shared; null: every interview of the student's, present and
 *     future
 */
@Document(Share.COLLECTION)
@CompoundIndex(name = "advisor_student", def = "{'advisorId': 1, 'studentId': 1}")
@CompoundIndex(
    name = "one_share",
    def = "{'studentId': 1, 'advisorId': 1, 'interviewKey': 1}",
    unique = true)
record Share(
    @Id String id,
    String studentId,
    String studentName,
    String advisorId,
    String advisorName,
    @Nullable String interviewId,
    String interviewKey,
    Instant sharedAt) {

  static final String COLLECTION = "shares";

  /** What {@code interviewKey} holds for a share of every interview. */
  static final String ALL = "*";

  boolean covers(String interview) {
    return interviewId == null || interviewId.equals(interview);
  }
}
