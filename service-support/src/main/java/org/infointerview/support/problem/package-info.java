/** RFC 9457 problem responses that name the field and the reason. */
@NullMarked
package org.infointerview.support.problem;

import org.jspecify.annotations.NullMarked;
