package org.infointerview.interviews.interview;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Someone the person suggested talking to next.
 *
 * @param email their address, if the person gave it; contacts-service keeps it, this service passes
 *     it on once and keeps it with the referral
 * @param mayUseName whether the student may say who referred them
 */
record ReferralRequest(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 200) @Nullable String organizationName,
    @Size(max = 200) @Nullable String jobTitle,
    @Email @Size(max = 320) @Nullable String email,
    @Size(max = 2000) @Nullable String why,
    @Nullable Boolean mayUseName) {}
