package org.infointerview.notifications.recipient;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

  /** The zone to show them times in: their profile's, else UTC (also for a zone Java lacks). */
  public ZoneId zone() {
    if (timeZone != null) {
      try {
        return ZoneId.of(timeZone);
      } catch (DateTimeException e) {
        // an unusable zone from the provider: UTC rather than no mail
      }
    }
    return ZoneOffset.UTC;
  }
}
