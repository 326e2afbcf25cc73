package org.infointerview.interviews.interview;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.validation.TimeZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A time agreed with the person.
 *
 * @param start an instant with its offset, such as {@code 2027-01-14T17:00:00Z}
 * @param durationMinutes 15 to 60; 30 when absent
 * @param studentTimeZone the student's IANA zone; their sign-in's zone, else UTC, when absent
 * @param contactTimeZone the person's IANA zone; the one their record names, else the student's
 * @param where the number to call, the video link or the place
 */
record ScheduleRequest(
    @NotNull Instant start,
    @Nullable Integer durationMinutes,
    @Size(max = 64) @TimeZoneId @Nullable String studentTimeZone,
    @Size(max = 64) @TimeZoneId @Nullable String contactTimeZone,
    @NotNull MeetingMode mode,
    @Size(max = 500) @Nullable String where) {

  static final int DEFAULT_MINUTES = 30;

  Appointment appointment(CurrentUser student, ContactRef contact) {
    String studentZone =
        studentTimeZone != null
            ? studentTimeZone
            : student.timeZone() != null ? student.timeZone() : "UTC";
    String contactZone =
        contactTimeZone != null
            ? contactTimeZone
            : contact.timeZone() != null ? contact.timeZone() : studentZone;
    return new Appointment(
        start,
        durationMinutes == null ? DEFAULT_MINUTES : durationMinutes,
        studentZone,
        contactZone,
        mode,
        where == null || where.isBlank() ? null : where.strip(),
        0);
  }
}
