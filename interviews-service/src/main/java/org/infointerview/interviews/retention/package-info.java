/**
 * Retention: the interviews, notes, research and shares of students who graduated more than a set
 * number of years ago are removed on a schedule (once a day, one instance), with a dry run that
 * lists what would go.
 */
@NullMarked
package org.infointerview.interviews.retention;

import org.jspecify.annotations.NullMarked;
