package org.infointerview.interviews.interview;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the first draft of a thank-you should start from.
 *
 * @param templateId a thank-you template the career center offers; the built-in one when absent
 * @param major what the student studies
 */
record ThankYouDraftRequest(
    @Size(max = 64) @Nullable String templateId, @Size(max = 100) @Nullable String major) {}
