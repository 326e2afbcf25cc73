package org.infointerview.notifications.delivery;

import java.time.Instant;

/**
 * When a message may go by mail: one that can wait does while its recipient's quiet hours last, or
 * joins their daily digest (their inbox gets it at once either way). Asked each time a message is
 * tried, so a change of the person's choice applies to what is waiting.
 */
public interface SendWindows {

  /**
   * What to do with a mail now.
   *
   * @param at when it may go ({@code now}: at once); for a digest, the digest's time
   * @param digest whether it joins the digest of {@code at} rather than going by itself
   */
  record When(Instant at, boolean digest) {

    public static When now(Instant now) {
      return new When(now, false);
    }
  }

  When when(String recipientId, String kind, Instant now);

  /**
   * One person's windows from choices just read: what a message made from that read asks on its
   * first try, at once, instead of reading them again.
   */
  @FunctionalInterface
  interface Read {
    When when(String kind, Instant now);
  }

  /** No quiet hours and no digests anywhere. */
  SendWindows ALWAYS = (recipientId, kind, now) -> When.now(now);
}
