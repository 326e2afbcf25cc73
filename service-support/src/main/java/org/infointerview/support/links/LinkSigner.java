package org.infointerview.support.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and checks the tokens of links in mail (HMAC-SHA256, URL-safe Base64 without padding): a
 * token nobody issued, or one changed in any character, is refused. The key is the configured
 * secret, at least {@value #SHORTEST_SECRET} characters; without one, a key made at start, with a
 * warning that such links stop working on restart and on other instances.
 */
public final class LinkSigner {

  /** The shortest secret accepted: 256 bits' worth of characters. */
  public static final int SHORTEST_SECRET = 32;

  /** Length of a signature as {@link #sign} spells it. */
  public static final int SIGNATURE_LENGTH = 43;

  private static final Logger log = LoggerFactory.getLogger(LinkSigner.class);
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private LinkSigner(SecretKeySpec key) {
    this.key = key;
  }

  /**
   * A signer with this secret; {@code setting} names where it is configured, for the messages.
   *
   * @throws IllegalStateException when the secret is set but shorter than {@value #SHORTEST_SECRET}
   */
  public static LinkSigner withSecret(String secret, String setting) {
    if (secret.isBlank()) {
      log.warn(
          "No {}: links are signed with a key made at start; they stop working when this instance"
              + " restarts and on every other instance.",
          setting);
      byte[] made = new byte[32];
      RANDOM.nextBytes(made);
      return new LinkSigner(new SecretKeySpec(made, ALGORITHM));
    }
    if (secret.length() < SHORTEST_SECRET) {
      throw new IllegalStateException(
          setting
              + " must be at least "
              + SHORTEST_SECRET
              + " characters; it has "
              + secret.length()
              + ".");
    }
    return new LinkSigner(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
  }

  /** A random id of 128 bits, 22 URL-safe characters. */
  public static String randomId() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return ENCODER.encodeToString(id);
  }

  /** The signature of this text, {@value #SIGNATURE_LENGTH} URL-safe characters. */
  public String sign(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return ENCODER.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }

  /**
   * Whether the signature is the one this signer gives the text. Compared as issued text, in
   * constant time: Base64's last character carries two bits a decoder ignores, so another spelling
   * of the same bytes would pass a comparison of decoded signatures.
   */
  public boolean signed(String text, String signature) {
    return MessageDigest.isEqual(
        sign(text).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }
}
