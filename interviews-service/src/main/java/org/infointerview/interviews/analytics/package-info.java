/**
 * Cohort analytics for advisors and admins: how a date range's interviews went, in counts only,
 * never note text; a cohort of fewer than five students is not shown at all.
 */
@NullMarked
package org.infointerview.interviews.analytics;

import org.jspecify.annotations.NullMarked;
