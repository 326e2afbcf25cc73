package org.infointerview.interviews.preparation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.infointerview.interviews.outreach.OutreachChecks;
import org.infointerview.interviews.outreach.Warning;

/**
 * Reads a student's interview question as a career counselor would. A closed question (one a "yes"
 * or "no" answers) gets a suggestion to open it; a job ask gets one to ask to learn instead; a
 * question the organization's own website answers (the student noted so in their research) gets one
 * to ask about what the website cannot say. Warnings, never refusals.
 */
public final class QuestionChecks {

  /** Words that open a question a yes or no answers. */
  private static final Set<String> CLOSED_OPENERS =
      Set.of(
          "do",
          "does",
          "did",
          "is",
          "are",
          "was",
          "were",
          "can",
          "could",
          "will",
          "would",
          "have",
          "has",
          "had",
          "should",
          "shall",
          "may",
          "might",
          "must",
          "am",
          // the first part of a contraction: doesn't, isn't, won't, ...
          "doesn",
          "don",
          "didn",
          "isn",
          "aren",
          "wasn",
          "weren",
          "couldn",
          "won",
          "wouldn",
          "haven",
          "hasn",
          "hadn",
          "shouldn",
          "mustn");

  private static final Pattern FIRST_WORD = Pattern.compile("^[^\\p{L}]*(\\p{L}+)");

  /** About thirty seconds of speech. */
  static final int PITCH_MOST_WORDS = 90;

  private QuestionChecks() {}

  /** The 30-second introduction: who I am, what I study, why this person. */
  public static List<Warning> pitch(String pitch) {
    int words = pitch.isBlank() ? 0 : pitch.strip().split("\\s+").length;
    if (words > PITCH_MOST_WORDS) {
      return List.of(
          new Warning(
              "LONG_PITCH",
              "It has " + words + " words; said aloud that is more than 30 seconds.",
              "Keep three things: who you are, what you study, and why you wanted to talk to"
                  + " this person."));
    }
    return List.of();
  }

  /**
   * @param websiteAnswers what the student found on the organization's website (their research), in
   *     their words; a question sharing a topic with one of them is flagged
   */
  public static List<Warning> check(String question, List<String> websiteAnswers) {
    List<Warning> warnings = new ArrayList<>();
    var first = FIRST_WORD.matcher(question.strip());
    if (first.find() && CLOSED_OPENERS.contains(first.group(1).toLowerCase(Locale.ROOT))) {
      warnings.add(
          new Warning(
              "CLOSED_QUESTION",
              "A yes or no answers it, and the conversation stops there.",
              "Open it with how, what or why: \"What led you to ...?\", \"How do you ...?\""));
    }
    if (OutreachChecks.asksForAJob(question)) {
      warnings.add(
          new Warning(
              "JOB_ASK",
              "It asks about jobs or openings; this conversation is for information and advice.",
              "Ask what would prepare you instead: \"What would you look for in someone starting"
                  + " out in this field?\""));
    }
    for (String answer : websiteAnswers) {
      if (sharesTopic(question, answer)) {
        warnings.add(
            new Warning(
                "ON_THE_WEBSITE",
                "You noted that the organization's website answers this: \"" + answer + "\".",
                "Ask what the website cannot tell you: the person's own experience of it."));
        break;
      }
    }
    return List.copyOf(warnings);
  }

  /** Whether two texts share a word of five letters or more (a topic, not a "the"). */
  static boolean sharesTopic(String question, String note) {
    Set<String> noted = topicWords(note);
    for (String word : topicWords(question)) {
      if (noted.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> topicWords(String text) {
    Set<String> words = new HashSet<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.length() >= 5) {
        words.add(word);
      }
    }
    return words;
  }
}
