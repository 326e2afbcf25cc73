package org.infointerview.interviews.interview;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The student reaches out (again): by EMAIL the platform delivers {@code message} to the person,
 * with a link through which they answer; any other way it is logged.
 *
 * @param message what they wrote (needed by email), or a note about a call
 * @param at when they reached out; now when absent (a call logged afterwards may name its time)
 * @param times up to three times the student offers (by email only): the person may accept one
 *     through the link; a follow-up without any keeps the times offered before
 */
record OutreachRequest(
    @NotNull OutreachChannel channel,
    @Size(max = 5000) @Nullable String message,
    @Nullable Instant at,
    @Size(max = 3) @Nullable List<@Valid @NotNull ScheduleRequest> times) {}
