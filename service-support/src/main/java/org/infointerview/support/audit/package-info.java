/** The FERPA audit trail: who did what to whose data, when and why, appended and never changed. */
@NullMarked
package org.infointerview.support.audit;

import org.jspecify.annotations.NullMarked;
