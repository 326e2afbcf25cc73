package org.infointerview.interviews.interview;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param schoolName the university's name, as requests name it ("a student at ...")
 * @param followUpAfter how long an unanswered request waits before a follow-up is due
 * @param answerLinks the links in request mails through which a person answers
 */
@ConfigurationProperties("infointerview.interviews")
record InterviewsProperties(
    @DefaultValue("our university") String schoolName,
    @DefaultValue("7d") Duration followUpAfter,
    @DefaultValue Links answerLinks) {

  /**
   * @param secret the signing key, at least 32 characters, the same on every instance; empty: one
   *     made at start
   * @param validFor how long a link works
   */
  record Links(@DefaultValue("") String secret, @DefaultValue("14d") Duration validFor) {}
}
