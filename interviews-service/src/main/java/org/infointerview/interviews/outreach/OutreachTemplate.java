package org.infointerview.interviews.outreach;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The built-in first drafts, and the values a draft's merge fields take from what the platform
 * knows: the person's name and employer, how the student got the name, the student's school and
 * major, the field. The student edits a draft before sending; what stays in brackets is theirs to
 * fill. The career center's own templates ({@link MessageTemplates}) fill the same way.
 */
public final class OutreachTemplate {

  /** The built-in request: who, how I got your name, the ask (20-30 minutes, advice, not a job). */
  public static final String REQUEST =
      """
      Dear {{contactName}},

      My name is {{studentName}}, and I am a student at {{school}} studying {{major}}. \
      {{howIGotYourName}}. I am exploring careers in {{careerField}}, and your path caught my \
      attention.

      Would you have 20 to 30 minutes in the coming weeks to tell me about your work and what \
      you would advise someone starting out? I am looking for information and advice, not a job.

      Thank you for considering it,
      {{studentName}}""";

  /** The built-in thank-you: thanks, one thing learned, what comes next, keeping in touch. */
  public static final String THANK_YOU =
      """
      Dear {{contactName}},

      Thank you for taking the time to talk with me about your work. I especially appreciated \
      [what you learned], and I plan to [what you will do next].

      I will let you know how it goes, and I hope we can stay in touch.

      With thanks,
      {{studentName}}""";

  private OutreachTemplate() {}

  /** How the student got the person's name. */
  public enum Source {
    ALUMNI_DATABASE,
    REFERRAL,
    LINKEDIN,
    EVENT,
    OTHER
  }

  /** The merge fields' values for a draft to this person; missing ones stay blanks to fill. */
  public static Map<String, @Nullable String> values(
      String contactName,
      @Nullable String organization,
      String studentName,
      String school,
      @Nullable String major,
      @Nullable String field,
      @Nullable Source source,
      @Nullable String referredBy) {
    Map<String, @Nullable String> values = new HashMap<>();
    values.put("contactName", contactName);
    values.put("organization", organization);
    values.put("studentName", studentName);
    values.put("school", school);
    values.put("major", major);
    values.put("careerField", field);
    values.put("howIGotYourName", source == null ? null : how(source, school, referredBy));
    return values;
  }

  /** The built-in request to this person. */
  public static String draft(
      String contactName,
      String studentName,
      String school,
      @Nullable String major,
      @Nullable String field,
      Source source,
      @Nullable String referredBy) {
    return MergeFields.fill(
        REQUEST, values(contactName, null, studentName, school, major, field, source, referredBy));
  }

  private static String how(Source source, String school, @Nullable String referredBy) {
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
    return Character.toUpperCase(how.charAt(0)) + how.substring(1);
  }
}
