package org.infointerview.interviews.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutreachChecksTest {

  private static final String GOOD =
      "Dear Ms. Park, I found your name in the alumni directory. I study statistics and would"
          + " value 20 minutes to hear how you moved into health data. I am looking for advice,"
          + " not a job. Thank you, Sam";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "GOOD|",
        "I found your name in the alumni directory. Are you hiring?|JOB_ASK",
        "I found your name in the alumni directory. Any openings on your team?|JOB_ASK",
        "I found your name in the alumni directory. Could you refer me for the position?|JOB_ASK",
        "We met at the career fair. I attached my resume for you.|ATTACHMENT",
        "We met at the career fair. Please see my résumé enclosed.|ATTACHMENT",
        "Dr. Lee suggested I contact you. My CV is below.|ATTACHMENT",
        "Hello, I would value 20 minutes of your time to learn about your work.|NO_SOURCE",
        "I found your profile on LinkedIn and would value 20 minutes of advice.|",
        "Professor Diaz referred me to you; I'd value 20 minutes.|",
        "Hello. Are you hiring? My resume is attached.|ATTACHMENT JOB_ASK NO_SOURCE",
        "LONG|TOO_LONG",
      })
  void aRequestIsReadAsACareerCounselorWould(String text, String expected) {
    String request =
        switch (text) {
          case "GOOD" -> GOOD;
          case "LONG" -> GOOD + " More about me.".repeat(70);
          default -> text;
        };
    List<String> codes = expected == null ? List.of() : List.of(expected.split(" "));

    assertThat(OutreachChecks.check(request))
        .extracting(Warning::code)
        .containsExactlyInAnyOrderElementsOf(codes);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "I'm interested in how positions in the field differ.|JOB_ASK",
        "What does a typical day look like?|",
      })
  void wordsAboutJobsInGeneralStillAskTheStudentToLookAgain(String text, String expected) {
    boolean jobAsk = OutreachChecks.JOB_ASK.matcher(text).find();

    assertThat(jobAsk).isEqualTo(expected != null);
  }

  @org.junit.jupiter.api.Test
  void theTemplatesDraftSaysHowTheNameWasFoundAndAsksForAdviceNotAJob() {
    String draft =
        OutreachTemplate.draft(
            "Ada Park",
            "Sam Rivera",
            "Northfield University",
            "Statistics",
            "HEALTH_SCIENCE",
            OutreachTemplate.Source.ALUMNI_DATABASE,
            null);

    assertThat(draft)
        .startsWith("Dear Ada Park,")
        .contains("I found your name in the Northfield University alumni directory")
        .contains("studying Statistics")
        .contains("20 to 30 minutes")
        .contains("not a job");
    assertThat(OutreachChecks.check(draft)).isEmpty();
  }
}
