package org.infointerview.interviews.interview;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The person said no; what they said, if the student wants to keep it. */
record DeclinedRequest(@Size(max = 1000) @Nullable String reason) {}
