/**
 * Preparing for a conversation: the built-in question bank and the checks of a student's own
 * questions (closed, a job ask, answered by the organization's website). The interview feature
 * keeps each interview's pitch and questions.
 */
@NullMarked
package org.infointerview.interviews.preparation;

import org.jspecify.annotations.NullMarked;
