/**
 * A student's research: notes and links per career field and per organization, kept by the student
 * and reused across interviews; what the organization's website already answers feeds the checks of
 * the student's questions.
 */
@NullMarked
package org.infointerview.interviews.research;

import org.jspecify.annotations.NullMarked;
