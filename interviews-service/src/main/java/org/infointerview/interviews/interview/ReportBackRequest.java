package org.infointerview.interviews.interview;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What came of the person's advice.
 *
 * @param send whether the platform sends it to the person (by email, their address hidden); else it
 *     is only logged
 */
record ReportBackRequest(@NotBlank @Size(max = 5000) String message, @Nullable Boolean send) {}
