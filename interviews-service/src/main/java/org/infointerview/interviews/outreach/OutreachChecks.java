package org.infointerview.interviews.outreach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a request for an informational interview as a career counselor would: short, no attachment,
 * no job ask, and saying how the student got the person's name. Each finding is a warning with a
 * suggested rewording; the student decides.
 */
public final class OutreachChecks {

  static final int MOST_WORDS = 200;

  private static final Pattern ATTACHMENT =
      Pattern.compile(
          "\\b(attach(ed|ment|ing)?|enclos(ed|ing)|r[eé]sum[eé]s?|cv)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Asking for a job, an opening or a referral to a position: what this conversation is not. */
  static final Pattern JOB_ASK =
      Pattern.compile(
          "\\b(are you hiring|hiring|job openings?|openings?|vacanc(y|ies)|(open )?positions?"
              + "|internships? (available|openings?)|refer me|referral for|put in a good word"
              + "|apply for|application for|job offer|give me a job|employ me)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Saying where the name came from: the alumni database, a referral, LinkedIn, an event. */
  private static final Pattern SOURCE =
      Pattern.compile(
          "\\b(got your name|found your (name|profile|contact)|your name (from|through|came)"
              + "|referred (me|by)|suggested (i|that i) (contact|reach|write)|recommended (i|that i)"
              + "|alumni (database|directory|network)|through linkedin|on linkedin|met you at"
              + "|we met|heard you speak)\\b",
          Pattern.CASE_INSENSITIVE);

  private OutreachChecks() {}

  public static List<Warning> check(String text) {
    List<Warning> warnings = new ArrayList<>();
    int words = words(text);
    if (words > MOST_WORDS) {
      warnings.add(
          new Warning(
              "TOO_LONG",
              "It has " + words + " words; requests over " + MOST_WORDS + " are often not read.",
              "Keep who you are, how you got their name and the ask (20-30 minutes, for advice);"
                  + " leave your story for the conversation."));
    }
    if (ATTACHMENT.matcher(text).find()) {
      warnings.add(
          new Warning(
              "ATTACHMENT",
              "It mentions an attachment or a résumé.",
              "Leave the résumé out: you are asking for information, and a résumé reads as a job"
                  + " application. Offer it later if they ask."));
    }
    if (JOB_ASK.matcher(text).find()) {
      warnings.add(
          new Warning(
              "JOB_ASK",
              "It reads as asking for a job or an opening.",
              "Ask to learn instead: \"I'd value 20 minutes to hear how you got into the field"
                  + " and what you'd advise someone starting out.\""));
    }
    if (!SOURCE.matcher(text).find()) {
      warnings.add(
          new Warning(
              "NO_SOURCE",
              "It does not say how you got their name.",
              "Say it in the first lines: \"I found your name in our alumni directory\" or"
                  + " \"Dr. Lee suggested I reach out to you.\""));
    }
    return List.copyOf(warnings);
  }

  /** Whether a text asks for a job, an opening or a referral to a position. */
  public static boolean asksForAJob(String text) {
    return JOB_ASK.matcher(text).find();
  }

  static int words(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? 0 : trimmed.toLowerCase(Locale.ROOT).split("\\s+").length;
  }
}
