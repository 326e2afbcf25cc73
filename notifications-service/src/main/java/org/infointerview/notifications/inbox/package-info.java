/**
 * The in-app inbox: every message to a platform user also lands here when it is due, to be read in
 * the web UI; unread count, mark one or all read.
 */
@NullMarked
package org.infointerview.notifications.inbox;

import org.jspecify.annotations.NullMarked;
