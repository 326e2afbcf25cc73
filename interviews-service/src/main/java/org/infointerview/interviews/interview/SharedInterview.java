package org.infointerview.interviews.interview;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An interview as an advisor the student shared it with reads it: the person (name, where they
 * work), where it stands, the preparation, the notes and the referrals' names. Never the person's
 * addresses, the answer links or the messages exchanged.
 *
 * @param withNotes false in a list: the preparation and notes are read one interview at a time,
 *     each read recorded
 */
public record SharedInterview(
    String id,
    String contactName,
    @Nullable String organizationName,
    @Nullable String jobTitle,
    @Nullable String careerField,
    String purpose,
    InterviewStatus status,
    @Nullable Instant meetingAt,
    @Nullable Instant completedAt,
    @Nullable Instant thankedAt,
    int requestsSent,
    boolean withNotes,
    @Nullable Preparation preparation,
    @Nullable Notes notes,
    List<String> referrals,
    Instant updatedAt) {

  /** The interview for a list: where it stands, without the preparation, notes or referrals. */
  public static SharedInterview listed(Interview i) {
    return of(i, false);
  }

  /** The interview read in full: what the student prepared and noted, and whom it led to. */
  public static SharedInterview read(Interview i) {
    return of(i, true);
  }

  private static SharedInterview of(Interview i, boolean full) {
    return new SharedInterview(
        i.id(),
        i.contact().displayName(),
        i.contact().organizationName(),
        i.contact().jobTitle(),
        i.careerField(),
        i.purpose(),
        i.status(),
        i.appointment() == null ? null : i.appointment().start(),
        i.completedAt(),
        i.thankYou() == null ? null : i.thankYou().sentAt(),
        i.attempts().size(),
        full,
        full ? i.preparation() : null,
        full ? i.notes() : null,
        full ? i.referrals().stream().map(Referral::name).toList() : List.of(),
        i.updatedAt());
  }
}
