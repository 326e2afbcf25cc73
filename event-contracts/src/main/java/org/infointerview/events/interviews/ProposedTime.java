package org.infointerview.events.interviews;

import java.time.Instant;

/**
 * A time offered for the conversation: by the student in a request, or by the person in answer.
 *
 * @param start when it would begin
 * @param durationMinutes how long, 15 to 60
 * @param mode PHONE, VIDEO or IN_PERSON; null when the person proposes a time without one
 */
public record ProposedTime(Instant start, int durationMinutes, String mode) {}
