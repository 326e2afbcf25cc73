/** How and when each person wants to be notified. */
@NullMarked
package org.infointerview.notifications.preference;

import org.jspecify.annotations.NullMarked;
