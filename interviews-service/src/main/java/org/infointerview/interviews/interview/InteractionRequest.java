package org.infointerview.interviews.interview;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A time the student was in touch with the person (a message, a call, a meeting).
 *
 * @param at when; now when absent
 */
record InteractionRequest(
    @NotNull InteractionKind kind, @Nullable Instant at, @Size(max = 2000) @Nullable String note) {}
