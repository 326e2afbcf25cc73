package org.infointerview.interviews.interview;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The student reaches out (again): by EMAIL the platform delivers {@code message} to the person;
 * any other way it is logged.
 *
 * @param message what they wrote (needed by email), or a note about a call
 * @param at when they reached out; now when absent (a call logged afterwards may name its time)
 */
record OutreachRequest(
    @NotNull OutreachChannel channel,
    @Size(max = 5000) @Nullable String message,
    @Nullable Instant at) {}
