package org.infointerview.interviews.interview;

import java.time.Instant;

/** A thank-you as the student recorded it. */
record ThankYou(ThankYouChannel channel, Instant sentAt, boolean onTime) {}
