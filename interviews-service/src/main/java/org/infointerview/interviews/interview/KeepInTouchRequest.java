package org.infointerview.interviews.interview;

import org.jspecify.annotations.Nullable;

/**
 * How often to be in touch with this person.
 *
 * @param everyDays 7 to 365; null stops the reminders
 */
record KeepInTouchRequest(@Nullable Integer everyDays) {}
