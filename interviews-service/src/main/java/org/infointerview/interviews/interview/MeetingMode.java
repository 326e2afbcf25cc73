package org.infointerview.interviews.interview;

/** How the two meet. */
public enum MeetingMode {
  PHONE,
  VIDEO,
  IN_PERSON
}
