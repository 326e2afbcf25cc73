package org.infointerview.interviews.interview;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An interview to plan: with whom (a contact the student may see), about which career field, and
 * what the student wants to learn.
 *
 * @param fromReferral the referral (from one of the student's interviews) this interview follows,
 *     so the chain of who referred whom is kept
 */
record PlanInterviewRequest(
    @NotBlank @Size(max = 64) String contactId,
    @Size(max = 40) @Nullable String careerField,
    @NotBlank @Size(max = 2000) String purpose,
    @Size(max = 64) @Nullable String fromReferral) {}
