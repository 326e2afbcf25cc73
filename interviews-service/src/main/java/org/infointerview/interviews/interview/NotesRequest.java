package org.infointerview.interviews.interview;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The notes of a conversation, replacing what was there. Texts are kept verbatim; together they may
 * hold 65,536 characters (more is a 422).
 */
record NotesRequest(
    @Nullable String learned,
    @Nullable String advice,
    @Nullable String stillWantToKnow,
    @Size(max = 50) @Nullable List<@Valid @NotNull Item> actionItems,
    @Nullable Boolean mayContactAgain) {

  record Item(@NotBlank String text, @Nullable LocalDate dueOn, @Nullable Boolean done) {}

  Notes notes(Instant now) {
    return new Notes(
        learned,
        advice,
        stillWantToKnow,
        actionItems == null
            ? List.of()
            : actionItems.stream()
                .map(i -> new ActionItem(i.text(), i.dueOn(), Boolean.TRUE.equals(i.done())))
                .toList(),
        mayContactAgain,
        now);
  }
}
