package org.infointerview.interviews.preparation;

import java.time.Instant;
import java.util.List;
import org.infointerview.interviews.outreach.Warning;
import org.jspecify.annotations.Nullable;

/**
 * A question of the center's bank as staff see it, with what a counselor would say of it (a closed
 * question, a job ask), as students are told of theirs.
 */
record CuratedQuestionResponse(
    String id,
    QuestionBank.Topic topic,
    String text,
    boolean recommended,
    @Nullable String careerField,
    boolean retired,
    List<Warning> warnings,
    String createdBy,
    Instant createdAt,
    String updatedBy,
    Instant updatedAt,
    long version) {

  static CuratedQuestionResponse of(CuratedQuestion q) {
    return new CuratedQuestionResponse(
        q.id(),
        q.topic(),
        q.text(),
        q.recommended(),
        q.careerField(),
        q.retired(),
        QuestionChecks.check(q.text(), List.of()),
        q.createdBy(),
        q.createdAt(),
        q.updatedBy(),
        q.updatedAt(),
        q.currentVersion());
  }
}
