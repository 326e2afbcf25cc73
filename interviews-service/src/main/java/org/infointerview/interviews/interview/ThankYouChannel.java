package org.infointerview.interviews.interview;

/** How the student thanked the person. */
public enum ThankYouChannel {
  EMAIL,
  CARD,
  LINKEDIN,
  IN_PERSON
}
