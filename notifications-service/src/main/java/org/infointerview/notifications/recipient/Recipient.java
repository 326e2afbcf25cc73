package org.infointerview.notifications.recipient;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person mail can be sent to, as of the profile version it came from. */
@Document(Recipient.COLLECTION)
public record Recipient(
    @Id String userId,
    String displayName,
    @Nullable String email,
    @Nullable String timeZone,
    long profileVersion,
    Instant updatedAt) {

  static final String COLLECTION = "recipients";
}
