package org.infointerview.interviews.interview;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One time the student reached out.
 *
 * @param message what they wrote (EMAIL, LINKEDIN) or a note (a call); optional
 * @param followUp whether an earlier attempt went unanswered
 */
public record OutreachAttempt(
    OutreachChannel channel, Instant at, @Nullable String message, boolean followUp) {}
