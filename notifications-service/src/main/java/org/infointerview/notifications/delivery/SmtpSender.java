package org.infointerview.notifications.delivery;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one rendered message to the mail server over a kept connection ({@link SmtpConnections}):
 * multipart (plain text and HTML), from the platform's address, with the delivery's own Message-ID
 * (never a new one per try).
 */
@Component
class SmtpSender {

  static {
    // Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader for every body part it
    // makes (jakartaee/mail-api#699, #861), which scans every jar of a packaged service: a third
    // of the time of a send. Named here, it is one class lookup. The same provider ServiceLoader
    // finds; a value set from outside is kept.
    System.getProperties()
        .putIfAbsent(
            "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
  }

  /**
   * Spring's helper, with one map of file types for every message: by default it reads the map's
   * files anew for each message not made by {@link JavaMailSenderImpl} (ours carries its own
   * Message-ID). Attachments here name their type, so the map is never asked.
   */
  private static final class Helper extends MimeMessageHelper {
    private static final FileTypeMap FILE_TYPES = new JavaMailSenderImpl().getDefaultFileTypeMap();

    Helper(MimeMessage message) throws MessagingException {
      super(message, true, StandardCharsets.UTF_8.name());
    }

    @Override
    protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
      return FILE_TYPES;
    }
  }

  /** A try that failed, and whether trying again could help. */
  static final class Failure extends Exception {
    private final boolean permanent;

    Failure(String message, boolean permanent, Throwable cause) {
      super(message, cause);
      this.permanent = permanent;
    }

    boolean permanent() {
      return permanent;
    }
  }

  private final JavaMailSenderImpl mail;
  private final DeliveryProperties properties;

  private final SmtpConnections connections;

  SmtpSender(JavaMailSenderImpl mail, DeliveryProperties properties, SmtpConnections connections) {
    this.mail = mail;
    this.properties = properties;
    this.connections = connections;
  }

  void send(Delivery delivery) throws Failure {
    if (delivery.to() == null) {
      throw new Failure("There is no address to send it to.", true, null);
    }
    MimeMessage message;
    try {
      String messageId = delivery.messageId();
      message =
          new MimeMessage(mail.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
              setHeader("Message-ID", messageId);
            }
          };
      MimeMessageHelper helper = new Helper(message);
      helper.setFrom(
          new InternetAddress(
              properties.fromAddress(),
              MailHeaders.oneLine(properties.fromName()),
              StandardCharsets.UTF_8.name()));
      InternetAddress to = new InternetAddress(delivery.to(), true);
      if (delivery.toName() != null) {
        to.setPersonal(MailHeaders.oneLine(delivery.toName()), StandardCharsets.UTF_8.name());
      }
      helper.setTo(to);
      helper.setSubject(MailHeaders.oneLine(delivery.subject()));
      helper.setText(delivery.text(), delivery.html());
      if (delivery.unsubscribe() != null) {
        // RFC 2369 and RFC 8058: the receiver's "unsubscribe" button posts to it in one click.
        message.setHeader(
            "List-Unsubscribe", "<" + MailHeaders.oneLine(delivery.unsubscribe()) + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }
      if (delivery.invite() != null) {
        helper.addAttachment(
            "invite.ics",
            new ByteArrayResource(delivery.invite().getBytes(StandardCharsets.UTF_8)),
            "text/calendar; charset=UTF-8; method="
                + Objects.requireNonNullElse(delivery.inviteMethod(), "REQUEST"));
      }
    } catch (AddressException e) {
      throw new Failure("The address " + delivery.to() + " is not a valid address.", true, e);
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new Failure("The message could not be built: " + e.getMessage(), true, e);
    }
    try {
      connections.send(message);
    } catch (SendFailedException refused) {
      boolean invalid =
          refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0;
      throw new Failure(
          invalid
              ? "The mail server refused the address " + delivery.to() + "."
              : "The mail server did not take the message: " + reason(refused),
          invalid,
          refused);
    } catch (MessagingException e) {
      throw new Failure("The mail server could not be reached or failed: " + reason(e), false, e);
    }
  }

  private static String reason(Exception e) {
    Throwable deepest = e;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    return Objects.requireNonNullElse(deepest.getMessage(), deepest.getClass().getSimpleName());
  }
}
