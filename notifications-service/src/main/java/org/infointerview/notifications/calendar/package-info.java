/** iCalendar invitations (RFC 5545, iTIP methods REQUEST and CANCEL), written with ical4j. */
@NullMarked
package org.infointerview.notifications.calendar;

import org.jspecify.annotations.NullMarked;
