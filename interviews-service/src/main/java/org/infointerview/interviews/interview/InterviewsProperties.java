package org.infointerview.interviews.interview;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param schoolName the university's name, as requests name it ("a student at ...")
 * @param followUpAfter how long an unanswered request waits before a follow-up is due
 */
@ConfigurationProperties("infointerview.interviews")
record InterviewsProperties(
    @DefaultValue("our university") String schoolName,
    @DefaultValue("7d") Duration followUpAfter) {}
