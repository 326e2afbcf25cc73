package org.infointerview.interviews.interview;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.infointerview.interviews.outreach.OutreachTemplate;
import org.jspecify.annotations.Nullable;

/**
 * What the first draft of a request should say.
 *
 * @param source how the student got the person's name
 * @param referredBy who suggested the person (for REFERRAL)
 * @param major what the student studies
 * @param templateId a request template the career center offers; the built-in one when absent
 */
record OutreachDraftRequest(
    @NotNull OutreachTemplate.Source source,
    @Size(max = 200) @Nullable String referredBy,
    @Size(max = 100) @Nullable String major,
    @Size(max = 64) @Nullable String templateId) {}
