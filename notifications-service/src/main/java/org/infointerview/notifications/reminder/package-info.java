/**
 * Reminders, computed here from interviews-service's due times ({@code InterviewDueDatesChanged}):
 * each is a message queued for its time, moved or dropped when the facts change.
 */
@NullMarked
package org.infointerview.notifications.reminder;

import org.jspecify.annotations.NullMarked;
