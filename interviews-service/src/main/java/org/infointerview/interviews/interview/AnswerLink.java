package org.infointerview.interviews.interview;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An answer link sent with a request by email, as the interview keeps it (never the token itself,
 * which only the person's mail carries).
 *
 * @param tokenId the random part of the token
 * @param contactId the person it was sent to
 * @param expiresAt when it stops working
 * @param usedAt when an answer was taken (through this link or another way); null while open
 */
record AnswerLink(String tokenId, String contactId, Instant expiresAt, @Nullable Instant usedAt) {

  AnswerLink used(Instant at) {
    return usedAt != null ? this : new AnswerLink(tokenId, contactId, expiresAt, at);
  }
}
