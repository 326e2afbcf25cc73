package org.infointerview.interviews.interview;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A time the student was in touch with the person after the conversation; each one starts the
 * keep-in-touch cadence again.
 *
 * @param kind THANK_YOU, REPORT_BACK, MESSAGE, CALL, MEETING
 * @param sentThroughPlatform whether the platform delivered it (a report-back by email)
 */
public record Interaction(
    InteractionKind kind, Instant at, @Nullable String note, boolean sentThroughPlatform) {}
