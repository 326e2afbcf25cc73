package org.infointerview.interviews.interview;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  /** The shortest secret accepted: 256 bits' worth of characters. */
  static final int SHORTEST_SECRET = 32;

  private static final Logger log = LoggerFactory.getLogger(AnswerLinks.class);
  private static final String ALGORITHM = "HmacSHA256";
  private static final Pattern TOKEN =
      Pattern.compile("([0-9a-f]{24})\\.([A-Za-z0-9_-]{22})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** A link just made: the token for the mail, and what the interview keeps of it. */
  record Issued(String token, AnswerLink link) {}

  /** A token as presented, well formed; whether it is genuine is {@link #genuine}'s to say. */
  record Presented(String interviewId, String tokenId, Instant expiresAt, String signature) {}

  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec key;
  private final Duration validFor;

  AnswerLinks(InterviewsProperties properties) {
    InterviewsProperties.Links config = properties.answerLinks();
    this.validFor = config.validFor();
    if (config.secret().isBlank()) {
      byte[] made = new byte[32];
      random.nextBytes(made);
      this.key = new SecretKeySpec(made, ALGORITHM);
      log.warn(
          "No INTERVIEWS_ANSWER_LINK_SECRET: answer links are signed with a key made at start;"
              + " they stop working when this instance restarts and on every other instance.");
    } else if (config.secret().length() < SHORTEST_SECRET) {
      throw new IllegalStateException(
          "INTERVIEWS_ANSWER_LINK_SECRET must be at least "
              + SHORTEST_SECRET
              + " characters; it has "
              + config.secret().length()
              + ".");
    } else {
      this.key = new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }
  }

  /** A new link to the interview for this person, valid from now for the configured time. */
  Issued issue(String interviewId, String contactId, Instant now) {
    byte[] id = new byte[16];
    random.nextBytes(id);
    String tokenId = ENCODER.encodeToString(id);
    Instant expiresAt = now.plus(validFor).truncatedTo(ChronoUnit.SECONDS);
    String signed = interviewId + "." + tokenId + "." + expiresAt.getEpochSecond();
    String token = signed + "." + ENCODER.encodeToString(sign(signed, contactId));
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
    // As text: Base64's last character carries two bits a decoder ignores, so another spelling of
    // the same bytes would pass a comparison of the decoded signature.
    return MessageDigest.isEqual(
        ENCODER.encodeToString(sign(signed, link.contactId())).getBytes(StandardCharsets.US_ASCII),
        presented.signature().getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] sign(String signed, String contactId) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal((signed + "." + contactId).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }
}
