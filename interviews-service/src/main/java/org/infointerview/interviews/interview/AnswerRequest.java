package org.infointerview.interviews.interview;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.infointerview.support.validation.TimeZoneId;
import org.jspecify.annotations.Nullable;

/**
 * The person's answer to a request.
 *
 * @param answer ACCEPTED (one of the student's times), PROPOSED (other times) or DECLINED
 * @param time which of the offered times is accepted, from 0 (ACCEPTED)
 * @param times one to three times the person offers instead (PROPOSED)
 * @param timeZone the person's IANA zone, to show the time to them in it
 * @param message a few words to the student; optional
 */
record AnswerRequest(
    @NotNull Answer.Kind answer,
    @Min(0) @Max(2) @Nullable Integer time,
    @Size(max = 3) @Nullable List<@Valid @NotNull Time> times,
    @Size(max = 64) @TimeZoneId @Nullable String timeZone,
    @Size(max = 2000) @Nullable String message) {

  /**
   * @param start an instant with its offset, such as {@code 2027-01-14T17:00:00Z}
   * @param durationMinutes 15 to 60; 30 when absent
   */
  record Time(@NotNull Instant start, @Nullable Integer durationMinutes) {}

  List<Answer.TimeProposal> proposals() {
    return times == null
        ? List.of()
        : times.stream()
            .map(
                t ->
                    new Answer.TimeProposal(
                        t.start(),
                        t.durationMinutes() == null
                            ? ScheduleRequest.DEFAULT_MINUTES
                            : t.durationMinutes()))
            .toList();
  }

  @Nullable String words() {
    return message == null || message.isBlank() ? null : message.strip();
  }
}
