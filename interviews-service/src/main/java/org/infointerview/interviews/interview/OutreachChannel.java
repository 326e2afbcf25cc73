package org.infointerview.interviews.interview;

/** How a student reached out. Only EMAIL goes through the platform (notifications-service). */
public enum OutreachChannel {
  EMAIL,
  PHONE,
  VOICEMAIL,
  LINKEDIN,
  IN_PERSON
}
