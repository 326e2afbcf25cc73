package org.infointerview.interviews.interview;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.infointerview.interviews.preparation.QuestionBank;
import org.jspecify.annotations.Nullable;

/** A pitch and questions, replacing what was prepared. */
record PreparationRequest(
    @Size(max = 2000) @Nullable String pitch,
    @Size(max = 40) @Nullable List<@Valid @NotNull QuestionRequest> questions) {

  record QuestionRequest(
      @NotBlank @Size(max = 500) String text, QuestionBank.@Nullable Topic topic) {}

  Preparation preparation(Instant now) {
    return new Preparation(
        pitch == null || pitch.isBlank() ? null : pitch.strip(),
        questions == null
            ? List.of()
            : questions.stream()
                .map(q -> new Preparation.Question(q.text().strip(), q.topic()))
                .toList(),
        now);
  }
}
