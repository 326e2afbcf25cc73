package org.infointerview.interviews.interview;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Someone the person suggested the student talk to next ("who else should I talk to?").
 *
 * @param referralId unique: the interview's id and a number
 * @param why what the person said about them
 * @param mayUseName whether the student may say who referred them
 */
public record Referral(
    String referralId,
    String name,
    @Nullable String organizationName,
    @Nullable String jobTitle,
    @Nullable String email,
    @Nullable String why,
    boolean mayUseName,
    Instant at) {}
