package org.infointerview.interviews.preparation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.infointerview.interviews.outreach.Warning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionChecksTest {

  private static final List<String> WEBSITE =
      List.of("Northwind's mission and its three hospitals", "benefits and salary bands");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "What does a typical week look like for you?|",
        "How did you come to this work?|",
        "Do you like your job?|CLOSED_QUESTION",
        "Is it stressful?|CLOSED_QUESTION",
        "  are there many women in the field?|CLOSED_QUESTION",
        "Can you tell me about your path?|CLOSED_QUESTION",
        "Have you always worked here?|CLOSED_QUESTION",
        "Are you hiring interns this summer?|CLOSED_QUESTION JOB_ASK",
        "How would I apply for an internship there?|JOB_ASK",
        "What are the open positions on your team?|JOB_ASK",
        "What is Northwind's mission?|ON_THE_WEBSITE",
        "What are the salary bands?|ON_THE_WEBSITE",
        "Why did you choose this field over medicine?|",
        "Doesn't the work get repetitive?|CLOSED_QUESTION",
        "Domain knowledge: how did you learn it?|",
      })
  void aQuestionIsReadAsACareerCounselorWould(String question, String expected) {
    List<String> codes = expected == null ? List.of() : List.of(expected.split(" "));

    assertThat(QuestionChecks.check(question, WEBSITE))
        .extracting(Warning::code)
        .containsExactlyInAnyOrderElementsOf(codes);
  }

  @Test
  void aPitchOfAboutThirtySecondsPassesAndALongerOneIsFlagged() {
    String thirty = "word ".repeat(QuestionChecks.PITCH_MOST_WORDS);

    assertThat(QuestionChecks.pitch(thirty)).isEmpty();
    assertThat(QuestionChecks.pitch(thirty + "more"))
        .extracting(Warning::code)
        .containsExactly("LONG_PITCH");
    assertThat(QuestionChecks.pitch("")).isEmpty();
  }

  @Test
  void everyQuestionOfTheBankPassesItsOwnChecks() {
    for (QuestionBank.Question question : QuestionBank.all()) {
      assertThat(QuestionChecks.check(question.text(), List.of())).as(question.text()).isEmpty();
    }
    assertThat(QuestionBank.all())
        .extracting(QuestionBank.Question::topic)
        .containsAll(List.of(QuestionBank.Topic.values()));
  }
}
