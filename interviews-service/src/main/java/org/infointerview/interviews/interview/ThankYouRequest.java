package org.infointerview.interviews.interview;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A thank-you the student sent.
 *
 * @param sentAt when; now when absent
 */
record ThankYouRequest(@NotNull ThankYouChannel channel, @Nullable Instant sentAt) {}
