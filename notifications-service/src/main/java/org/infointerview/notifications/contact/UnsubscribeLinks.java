package org.infointerview.notifications.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import org.infointerview.support.links.LinkSigner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The unsubscribe links of mail to people who are not platform users (RFC 8058 one-click, and the
 * link in the mail's footer). A token names the person, a random id and when it expires, signed
 * (HMAC-SHA256): {@code <contact id>.<token id>.<expiry, epoch seconds>.<signature>}, URL-safe. A
 * token nobody issued, or changed in any character, is refused before anything is looked at.
 */
@Component
public class UnsubscribeLinks {

  private static final Pattern TOKEN =
      Pattern.compile("([0-9a-f]{24})\\.([A-Za-z0-9_-]{22})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");

  /** A genuine token's parts. */
  record Presented(String contactId, String tokenId, Instant expiresAt) {}

  private final LinkSigner signer;
  private final Duration validFor;
  private final String publicUrl;
  private final Clock clock;

  public UnsubscribeLinks(
      @Value("${infointerview.delivery.unsubscribe-secret:}") String secret,
      @Value("${infointerview.delivery.unsubscribe-valid-for:365d}") Duration validFor,
      @Value("${infointerview.delivery.public-url:http://localhost:8080}") String publicUrl,
      Clock clock) {
    this.signer = LinkSigner.withSecret(secret, "NOTIFICATIONS_LINK_SECRET");
    this.validFor = validFor;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  /** A new link for this person, valid from now for the configured time (a year by default). */
  public String issue(String contactId) {
    Instant expiresAt = clock.instant().plus(validFor).truncatedTo(ChronoUnit.SECONDS);
    String signed = contactId + "." + LinkSigner.randomId() + "." + expiresAt.getEpochSecond();
    return publicUrl
        + "/api/notifications/unsubscribe/"
        + signed
        + "."
        + signer.sign("unsubscribe." + signed);
  }

  /** The token's parts if this service signed it, whether or not it has expired. */
  Optional<Presented> genuine(String token) {
    var parts = TOKEN.matcher(token);
    if (!parts.matches()) {
      return Optional.empty();
    }
    String signed = parts.group(1) + "." + parts.group(2) + "." + parts.group(3);
    if (!signer.signed("unsubscribe." + signed, parts.group(4))) {
      return Optional.empty();
    }
    return Optional.of(
        new Presented(
            parts.group(1), parts.group(2), Instant.ofEpochSecond(Long.parseLong(parts.group(3)))));
  }
}
