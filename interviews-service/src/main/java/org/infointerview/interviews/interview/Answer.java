package org.infointerview.interviews.interview;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The person's answer to a request.
 *
 * @param kind accepted one of the student's times, proposed others, or declined
 * @param message what they wrote with it; null when nothing (or after their record was erased)
 * @param acceptedStart the start of the time accepted (ACCEPTED)
 * @param proposedTimes the times offered instead (PROPOSED)
 * @param via through the mail's link or signed in
 * @param at when
 */
record Answer(
    Kind kind,
    @Nullable String message,
    @Nullable Instant acceptedStart,
    List<TimeProposal> proposedTimes,
    Via via,
    Instant at) {

  enum Kind {
    ACCEPTED,
    PROPOSED,
    DECLINED
  }

  enum Via {
    LINK,
    ACCOUNT
  }

  Answer {
    proposedTimes = proposedTimes == null ? List.of() : List.copyOf(proposedTimes);
  }

  /** The same answer without the person's words. */
  Answer withoutMessage() {
    return new Answer(kind, null, acceptedStart, proposedTimes, via, at);
  }

  /** A time the person offers instead of the student's. */
  record TimeProposal(Instant start, int durationMinutes) {}
}
