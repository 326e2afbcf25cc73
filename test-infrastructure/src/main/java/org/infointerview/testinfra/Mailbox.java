package org.infointerview.testinfra;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

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
}
