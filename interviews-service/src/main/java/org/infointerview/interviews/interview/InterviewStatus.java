package org.infointerview.interviews.interview;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an interview is, and where it may go next. Rescheduling keeps an interview SCHEDULED; a
 * conversation arranged outside the platform is recorded as held (COMPLETED) without a time agreed
 * here first; a CLOSED interview goes nowhere.
 */
public enum InterviewStatus {
  /** The student chose whom to ask and why; nobody has been asked. */
  PLANNED,
  /** The person was asked and has not answered. */
  REQUESTED,
  /** A time was agreed. */
  SCHEDULED,
  /** The conversation took place; a thank-you is due within 48 hours. */
  COMPLETED,
  /** The student thanked the person. */
  THANKED,
  /** Nothing more to do: kept for the record and the student's network. */
  CLOSED,
  /** The person said no. */
  DECLINED,
  /** The person never answered. */
  NO_RESPONSE,
  /** Called off before it took place. */
  CANCELLED,
  /** The time passed and the conversation did not take place. */
  NO_SHOW;

  private static final Map<InterviewStatus, Set<InterviewStatus>> NEXT =
      Map.of(
          PLANNED, EnumSet.of(REQUESTED, SCHEDULED, COMPLETED, CANCELLED),
          REQUESTED, EnumSet.of(SCHEDULED, COMPLETED, DECLINED, NO_RESPONSE, CANCELLED),
          SCHEDULED, EnumSet.of(SCHEDULED, COMPLETED, CANCELLED, NO_SHOW),
          COMPLETED, EnumSet.of(THANKED, CLOSED),
          THANKED, EnumSet.of(CLOSED),
          DECLINED, EnumSet.of(CLOSED),
          NO_RESPONSE, EnumSet.of(REQUESTED, COMPLETED, CLOSED),
          CANCELLED, EnumSet.of(CLOSED),
          NO_SHOW, EnumSet.of(SCHEDULED, CLOSED),
          CLOSED, EnumSet.noneOf(InterviewStatus.class));

  /** The states an interview in this one may move to. */
  public Set<InterviewStatus> next() {
    return NEXT.get(this);
  }

  public boolean allows(InterviewStatus to) {
    return NEXT.get(this).contains(to);
  }
}
