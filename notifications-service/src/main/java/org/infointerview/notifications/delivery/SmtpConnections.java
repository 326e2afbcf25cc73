package org.infointerview.notifications.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Connections to the mail server, one per sending thread, kept open between messages (a mail
 * server's greeting and authentication cost more than a small message), closed when idle longer
 * than {@code infointerview.delivery.connection-idle} and opened anew when the server dropped one
 * (the message is tried once more on a fresh connection). With {@code reuse-connections} false, one
 * connection per message, as Jakarta Mail's {@code Transport.send} does.
 */
@Component
class SmtpConnections {

  private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

  private record Open(Transport transport, long lastUsedNanos) {}

  private final JavaMailSenderImpl mail;
  private final boolean reuse;
  private final long idleNanos;
  private final Map<Thread, Open> open = new ConcurrentHashMap<>();

  SmtpConnections(
      JavaMailSenderImpl mail,
      @Value("${infointerview.delivery.reuse-connections:true}") boolean reuse,
      @Value("${infointerview.delivery.connection-idle:60s}") Duration idle) {
    this.mail = mail;
    this.reuse = reuse;
    this.idleNanos = idle.toNanos();
  }

  /**
   * Hands the message to the server.
   *
   * @throws SendFailedException the server refused a recipient (the connection is kept)
   * @throws MessagingException the server could not be reached or failed
   */
  void send(MimeMessage message) throws MessagingException {
    message.saveChanges();
    if (!reuse) {
      Transport transport = connect();
      try {
        transport.sendMessage(message, message.getAllRecipients());
      } finally {
        closeQuietly(transport);
      }
      return;
    }
    Thread thread = Thread.currentThread();
    Open current = open.remove(thread);
    boolean reused = current != null && usable(current);
    if (current != null && !reused) {
      closeQuietly(current.transport());
    }
    try {
      sendOn(reused ? current.transport() : connect(), message, thread);
    } catch (SendFailedException refused) {
      throw refused;
    } catch (MessagingException failed) {
      if (!reused) {
        throw failed;
      }
      // the server dropped the kept connection: once more on a new one
      log.debug("A kept mail server connection failed ({}); trying a new one", failed.toString());
      sendOn(connect(), message, thread);
    }
  }

  /**
   * Sends over this connection and keeps it for the thread's next message, unless it failed (then
   * it is closed); a refused recipient leaves the connection good.
   */
  private void sendOn(Transport transport, MimeMessage message, Thread thread)
      throws MessagingException {
    try {
      transport.sendMessage(message, message.getAllRecipients());
    } catch (SendFailedException refused) {
      keep(thread, transport);
      throw refused;
    } catch (MessagingException failed) {
      closeQuietly(transport);
      throw failed;
    }
    keep(thread, transport);
  }

  /**
   * Whether a kept connection is tried: by its idle time alone. Jakarta Mail's {@code
   * isConnected()} asks the server (a NOOP): a round trip before every message, the whole of a
   * send's time again to a distant server. A connection the server dropped fails the send, which
   * then goes on a new one in the same try.
   */
  private boolean usable(Open current) {
    return System.nanoTime() - current.lastUsedNanos() < idleNanos;
  }

  private void keep(Thread thread, Transport transport) {
    Open replaced = open.put(thread, new Open(transport, System.nanoTime()));
    if (replaced != null && replaced.transport() != transport) {
      closeQuietly(replaced.transport());
    }
  }

  private Transport connect() throws MessagingException {
    String protocol = mail.getProtocol() == null ? "smtp" : mail.getProtocol();
    Transport transport = mail.getSession().getTransport(protocol);
    String username = mail.getUsername();
    transport.connect(
        mail.getHost(),
        mail.getPort(),
        username == null || username.isBlank() ? null : username,
        username == null || username.isBlank() ? null : mail.getPassword());
    return transport;
  }

  /** Closes the connections idle longer than allowed (and those of threads that ended). */
  void closeIdle() {
    long now = System.nanoTime();
    open.forEach(
        (thread, kept) -> {
          if (!thread.isAlive() || now - kept.lastUsedNanos() >= idleNanos) {
            if (open.remove(thread, kept)) {
              closeQuietly(kept.transport());
            }
          }
        });
  }

  private static void closeQuietly(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException | RuntimeException ignored) {
      // it is gone either way
    }
  }
}
