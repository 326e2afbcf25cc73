package org.infointerview.notifications.inbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message in a person's inbox.
 *
 * @param id the message's handle (the delivery log's too)
 * @param kind what it is about, such as {@code REQUEST_ANSWERED} or {@code REMINDER_MEETING_DAY}
 * @param title its subject
 * @param body its plain text
 * @param readAt when they read it; null while unread
 */
@Document(InboxEntry.COLLECTION)
public record InboxEntry(
    @Id String id,
    String userId,
    String kind,
    String title,
    String body,
    Instant createdAt,
    @Nullable Instant readAt) {

  static final String COLLECTION = "inbox";
}
