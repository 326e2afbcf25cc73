package org.infointerview.interviews.interview;

/** How the student kept in touch. */
public enum InteractionKind {
  THANK_YOU,
  REPORT_BACK,
  MESSAGE,
  CALL,
  MEETING
}
