package org.infointerview.interviews.interview;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import org.infointerview.support.links.LinkSigner;
import org.springframework.stereotype.Component;

/**
 * The links in request mails through which a person answers without an account. A link's token
 * names the interview, a random id and when it expires, signed (HMAC-SHA256) over those and the
 * person it was sent to: a token nobody issued, or one changed in any character, is refused before
 * anything about the interview is looked at beyond its issued links. That a token is used, or
 * expired, is the interview's to say ({@link AnswerLink}).
 *
 * <p>Token: {@code <interview id>.<token id>.<expiry, epoch seconds>.<signature>}, URL-safe.
 */
@Component
class AnswerLinks {

  private static final Pattern TOKEN =
      Pattern.compile("([0-9a-f]{24})\\.([A-Za-z0-9_-]{22})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");

  /** A link just made: the token for the mail, and what the interview keeps of it. */
  record Issued(String token, AnswerLink link) {}

  /** A token as presented, well formed; whether it is genuine is {@link #genuine}'s to say. */
  record Presented(String interviewId, String tokenId, Instant expiresAt, String signature) {}

  private final LinkSigner signer;
  private final Duration validFor;

  AnswerLinks(InterviewsProperties properties) {
    InterviewsProperties.Links config = properties.answerLinks();
    this.validFor = config.validFor();
    this.signer = LinkSigner.withSecret(config.secret(), "INTERVIEWS_ANSWER_LINK_SECRET");
  }

  /** A new link to the interview for this person, valid from now for the configured time. */
  Issued issue(String interviewId, String contactId, Instant now) {
    String tokenId = LinkSigner.randomId();
    Instant expiresAt = now.plus(validFor).truncatedTo(ChronoUnit.SECONDS);
    String signed = interviewId + "." + tokenId + "." + expiresAt.getEpochSecond();
    String token = signed + "." + signer.sign(signed + "." + contactId);
    return new Issued(token, new AnswerLink(tokenId, contactId, expiresAt, null));
  }

  /** The token's parts, if it is shaped like one of ours at all. */
  static Optional<Presented> read(String token) {
    var parts = TOKEN.matcher(token);
    if (!parts.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Presented(
            parts.group(1),
            parts.group(2),
            Instant.ofEpochSecond(Long.parseLong(parts.group(3))),
            parts.group(4)));
  }

  /** Whether this service signed the token for this link of the interview. */
  boolean genuine(Presented presented, AnswerLink link) {
    if (!link.tokenId().equals(presented.tokenId())
        || !link.expiresAt().equals(presented.expiresAt())) {
      return false;
    }
    String signed =
        presented.interviewId()
            + "."
            + presented.tokenId()
            + "."
            + presented.expiresAt().getEpochSecond();
    return signer.signed(signed + "." + link.contactId(), presented.signature());
  }
}
