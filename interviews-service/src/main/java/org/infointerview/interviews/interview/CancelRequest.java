package org.infointerview.interviews.interview;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the interview is called off; the person reads it. */
record CancelRequest(@NotBlank @Size(max = 1000) String reason) {}
