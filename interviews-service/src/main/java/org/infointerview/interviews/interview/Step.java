package org.infointerview.interviews.interview;

import java.time.Instant;

/** One move of an interview, kept in its history. */
record Step(InterviewStatus status, Instant at) {}
