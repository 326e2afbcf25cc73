/** interviews-service: a student's informational interviews, from plan to follow-up. */
@NullMarked
package org.infointerview.interviews;

import org.jspecify.annotations.NullMarked;
