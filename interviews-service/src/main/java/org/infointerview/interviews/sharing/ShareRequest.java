package org.infointerview.interviews.sharing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a student shares with whom.
 *
 * @param advisorId an advisor of {@code GET /advisors}
 * @param interviewId one of the student's interviews; absent: all of them, present and future
 */
record ShareRequest(
    @NotBlank @Size(max = 300) String advisorId, @Size(max = 64) @Nullable String interviewId) {}
