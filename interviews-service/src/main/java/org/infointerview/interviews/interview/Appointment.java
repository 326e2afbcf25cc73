package org.infointerview.interviews.interview;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An agreed time: a start instant, a length, each side's time zone (so each sees it in their own
 * local time) and how they meet.
 *
 * @param sequence 0 for the first time agreed, one more for each new time (iCalendar SEQUENCE)
 */
record Appointment(
    Instant start,
    int durationMinutes,
    String studentTimeZone,
    String contactTimeZone,
    MeetingMode mode,
    @Nullable String where,
    int sequence) {

  static final int SHORTEST_MINUTES = 15;
  static final int LONGEST_MINUTES = 60;

  Instant end() {
    return start.plus(Duration.ofMinutes(durationMinutes));
  }

  /** Whether the two appointments share any minute. */
  boolean overlaps(Appointment other) {
    return start.isBefore(other.end()) && other.start.isBefore(end());
  }

  /** The same time, shown to the person in their zone. */
  Appointment withContactTimeZone(String zone) {
    return new Appointment(start, durationMinutes, studentTimeZone, zone, mode, where, sequence);
  }

  Appointment numbered(int next) {
    return new Appointment(
        start, durationMinutes, studentTimeZone, contactTimeZone, mode, where, next);
  }
}
