/**
 * A student's informational interview, from plan to close: the {@link
 * org.infointerview.interviews.interview.Interview} aggregate and its state machine, scheduling
 * (slots, time zones, clashes), completion and the thank-you. Built as {@code
 * docs/adding-a-feature.md} says.
 */
@NullMarked
package org.infointerview.interviews.interview;

import org.jspecify.annotations.NullMarked;
