/** Mail for career-center staff: how an alumni import or sync they started ended. */
@NullMarked
package org.infointerview.notifications.staff;

import org.jspecify.annotations.NullMarked;
