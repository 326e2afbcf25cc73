/** notifications-service: email with calendar invites, reminders, the in-app inbox, preferences. */
@NullMarked
package org.infointerview.notifications;

import org.jspecify.annotations.NullMarked;
