package org.infointerview.testinfra;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the test JVM's SMTP server ({@link Infrastructure#mail()}) received, by address. */
public final class Mailbox {

  private Mailbox() {}

  /** Every message the server received for this address (To, Cc or Bcc), oldest first. */
  public static List<MimeMessage> receivedBy(String address) {
    return Arrays.stream(Infrastructure.mail().getReceivedMessages())
        .filter(m -> addresses(m).contains(address))
        .toList();
  }

  /** The addresses a message went to, without their display names. */
  public static List<String> addresses(MimeMessage message) {
    try {
      Address[] all = message.getAllRecipients();
      return all == null
          ? List.of()
          : Arrays.stream(all).map(a -> ((InternetAddress) a).getAddress()).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text of the message's first part of this MIME type (such as {@code text/plain}). */
  public static String part(MimeMessage message, String type) {
    try {
      String found =
          message.isMimeType(type)
              ? (String) message.getContent()
              : message.getContent() instanceof MimeMultipart multipart
                  ? find(multipart, type)
                  : null;
      if (found == null) {
        throw new AssertionError("The message has no " + type + " part");
      }
      return found;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static @Nullable String find(MimeMultipart multipart, String type)
      throws MessagingException, IOException {
    for (int i = 0; i < multipart.getCount(); i++) {
      var part = multipart.getBodyPart(i);
      if (part.isMimeType(type)) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof MimeMultipart nested) {
        String found = find(nested, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
