package org.infointerview.notifications.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a mail goes in its recipient's daily digest rather than by itself: for mail that can wait
 * to a person who chose a digest, the time of the digest it joins (the next one after {@code now}).
 */
public interface Digests {

  /** The digest this message joins; empty when it goes by itself. */
  Optional<Instant> digestAt(String recipientId, String kind, Instant now);

  /** Nobody gets digests. */
  Digests NONE = (recipientId, kind, now) -> Optional.empty();
}
