package org.infointerview.notifications.delivery;

import java.time.Instant;

/**
 * When a message may go by mail: one that can wait does while its recipient's quiet hours last
 * (their inbox gets it at once). Asked each time a message is tried, so a change of the person's
 * choice applies to what is waiting.
 */
public interface SendWindows {

  /** The earliest time this message may be mailed: {@code now} when it may go now. */
  Instant notBefore(String recipientId, String kind, Instant now);

  /** No quiet hours anywhere. */
  SendWindows ALWAYS = (recipientId, kind, now) -> now;
}
