package org.infointerview.interviews.outreach;

import org.jspecify.annotations.Nullable;

/**
 * A first draft of a request, from what the platform knows: the person's name, how the student got
 * it, the student's school and major, the field, and the ask (20-30 minutes, information and
 * advice, not a job). The student edits it before sending; what they leave in brackets is theirs to
 * fill.
 */
public final class OutreachTemplate {

  private OutreachTemplate() {}

  /** How the student got the person's name. */
  public enum Source {
    ALUMNI_DATABASE,
    REFERRAL,
    LINKEDIN,
    EVENT,
    OTHER
  }

  public static String draft(
      String contactName,
      String studentName,
      String school,
      @Nullable String major,
      @Nullable String field,
      Source source,
      @Nullable String referredBy) {
    String how =
        switch (source) {
          case ALUMNI_DATABASE -> "I found your name in the " + school + " alumni directory";
          case REFERRAL ->
              (referredBy == null || referredBy.isBlank() ? "[who]" : referredBy.strip())
                  + " suggested I reach out to you";
          case LINKEDIN -> "I found your profile on LinkedIn";
          case EVENT -> "we met at [event]";
          case OTHER -> "I got your name from [where]";
        };
    return "Dear "
        + contactName
        + ",\n\n"
        + "My name is "
        + studentName
        + ", and I am a student at "
        + school
        + " studying "
        + (major == null || major.isBlank() ? "[your major]" : major.strip())
        + ". "
        + capitalized(how)
        + ". I am exploring careers in "
        + (field == null || field.isBlank() ? "[the field]" : field.strip())
        + ", and your path caught my attention.\n\n"
        + "Would you have 20 to 30 minutes in the coming weeks to tell me about your work and"
        + " what you would advise someone starting out? I am looking for information and advice,"
        + " not a job.\n\n"
        + "Thank you for considering it,\n"
        + studentName;
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
