package org.infointerview.interviews.preparation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.infointerview.support.validation.PlainText;
import org.jspecify.annotations.Nullable;

/**
 * A question of the center's bank as staff write it.
 *
 * @param retired on a change: whether it is no longer offered (false when left out)
 */
record CuratedQuestionRequest(
    @NotNull QuestionBank.Topic topic,
    @NotBlank @Size(max = 300) @PlainText String text,
    @Nullable Boolean recommended,
    @Pattern(
            regexp = "[A-Z][A-Z0-9_]{1,63}",
            message = "must be a career field code, such as HEALTH_SCIENCE")
        @Nullable String careerField,
    @Nullable Boolean retired) {}
