package org.infointerview.interviews.interview;

import java.time.Instant;
import java.util.List;
import org.infointerview.interviews.preparation.QuestionBank;
import org.jspecify.annotations.Nullable;

/**
 * What the student prepared for one conversation: a short self-introduction and their questions, in
 * the order they want to ask them.
 */
public record Preparation(@Nullable String pitch, List<Question> questions, Instant updatedAt) {

  public Preparation {
    questions = List.copyOf(questions);
  }

  /** A question and, when taken from the bank, its topic. */
  public record Question(String text, QuestionBank.@Nullable Topic topic) {}
}
