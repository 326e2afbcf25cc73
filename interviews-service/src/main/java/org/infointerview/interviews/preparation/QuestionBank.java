package org.infointerview.interviews.preparation;

import java.util.List;

/**
 * Open questions a student picks from, grouped by what they ask about. Students reorder and extend
 * them in their own preparation; the bank itself does not change per student.
 */
public final class QuestionBank {

  /** What a question asks about. */
  public enum Topic {
    DAY_TO_DAY,
    PATH_INTO_IT,
    FIELD_FUTURE,
    SKILLS_AND_PREPARATION,
    THE_ORGANIZATION,
    ADVICE,
    WHO_ELSE
  }

  /** A question of the bank. */
  public record Question(Topic topic, String text) {}

  private static final List<Question> QUESTIONS =
      List.of(
          new Question(Topic.DAY_TO_DAY, "What does a typical week look like for you?"),
          new Question(Topic.DAY_TO_DAY, "Which parts of your work do you enjoy most, and least?"),
          new Question(Topic.DAY_TO_DAY, "Who do you work with most closely, and how?"),
          new Question(Topic.PATH_INTO_IT, "How did you come to this work?"),
          new Question(
              Topic.PATH_INTO_IT, "What would you do differently if you started again today?"),
          new Question(Topic.PATH_INTO_IT, "What surprised you when you started in this field?"),
          new Question(Topic.FIELD_FUTURE, "How is your field changing, and what is driving it?"),
          new Question(
              Topic.FIELD_FUTURE, "Which roles in your field will matter more in five years?"),
          new Question(
              Topic.SKILLS_AND_PREPARATION,
              "What skills matter most in your work, and how did you build them?"),
          new Question(
              Topic.SKILLS_AND_PREPARATION,
              "Which courses, projects or experiences would prepare me best?"),
          new Question(
              Topic.THE_ORGANIZATION, "How would you describe the culture where you work?"),
          new Question(
              Topic.THE_ORGANIZATION,
              "What does your organization value in the people who do well there?"),
          new Question(Topic.ADVICE, "What advice would you give someone starting out?"),
          new Question(Topic.ADVICE, "What do you wish you had known as a student?"),
          new Question(
              Topic.WHO_ELSE, "Who else would you suggest I talk to, and may I use your name?"),
          new Question(Topic.WHO_ELSE, "Which groups, events or publications should I follow?"));

  private QuestionBank() {}

  public static List<Question> all() {
    return QUESTIONS;
  }
}
