/**
 * A student shares an interview, or all of theirs, with a named advisor, and stops when they like;
 * the advisor reads only what is shared, each read an audit entry the student sees in "who saw my
 * records".
 */
@NullMarked
package org.infointerview.interviews.sharing;

import org.jspecify.annotations.NullMarked;
