package org.infointerview.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.Mailbox;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Messages in a row go over one kept connection to the mail server (counted by a relay in front of
 * it); an idle one is closed and the next message opens a new one; one the server dropped is
 * replaced and the message still goes, once.
 */
@SpringBootTest(
    properties = {
      "spring.application.name=notifications-connections",
      "infointerview.delivery.connection-idle=1s",
      "infointerview.delivery.poll-every=200ms"
    })
@InfrastructureTest
@Import(SmtpConnectionsIT.ThroughTheRelay.class)
class SmtpConnectionsIT {

  static final Relay RELAY = Relay.to(Infrastructure.mail().getSmtp().getPort());

  @TestConfiguration
  static class ThroughTheRelay {
    @Bean
    @Primary
    JavaMailSenderImpl relayedMailSender() {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(RELAY.port());
      return sender;
    }
  }

  @Autowired Deliveries deliveries;
  @Autowired MongoTemplate mongo;

  @Test
  void messagesInARowShareOneConnectionAnIdleOneIsClosedAndADroppedOneReplaced() throws Exception {
    String address = "kept-" + UUID.randomUUID() + "@example.edu";
    int before = RELAY.connections();

    for (int i = 0; i < 5; i++) {
      queue(address, "In a row " + i);
    }
    assertThat(Mailbox.receivedBy(address)).hasSize(5);
    assertThat(RELAY.connections() - before).as("one connection for five in a row").isEqualTo(1);
    assertThat(RELAY.commands())
        .as("a kept connection is used as it is, not asked first (a round trip per message)")
        .contains("MAIL FROM")
        .doesNotContain("NOOP")
        .doesNotContain("RSET");

    Thread.sleep(2_000); // idle past connection-idle: the poller closes it
    queue(address, "After a pause");
    assertThat(RELAY.connections() - before).as("a new one after the pause").isEqualTo(2);

    RELAY.dropAll(); // the server drops the kept connection
    String id = queue(address, "After a drop");
    await().atMost(Duration.ofSeconds(10)).until(() -> Mailbox.receivedBy(address).size() == 7);
    Delivery afterDrop = mongo.findById(id, Delivery.class);
    assertThat(afterDrop.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(afterDrop.attempts()).as("sent on a fresh connection in the same try").isEqualTo(1);
  }

  private String queue(String address, String subject) {
    String eventId = UUID.randomUUID().toString();
    deliveries.queue(
        new Deliveries.Message(
            "KEPT",
            eventId,
            "user-kept",
            address,
            null,
            new MailTemplates.Rendered(subject, subject, "<p>" + subject + "</p>"),
            true,
            false));
    return "KEPT|" + eventId + "|user-kept";
  }

  /** A TCP relay that counts the connections through it and can drop them all. */
  static final class Relay {
    private final ServerSocket server;
    private final int target;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final StringBuffer commands = new StringBuffer();

    private Relay(ServerSocket server, int target) {
      this.server = server;
      this.target = target;
    }

    static Relay to(int target) {
      try {
        Relay relay = new Relay(new ServerSocket(0), target);
        Thread acceptor = new Thread(relay::accept, "smtp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
        return relay;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    int port() {
      return server.getLocalPort();
    }

    int connections() {
      return accepted.get();
    }

    /** Everything the client said to the server through the relay. */
    String commands() {
      return commands.toString();
    }

    void dropAll() {
      for (Socket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closed
        }
      }
      sockets.clear();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          Socket upstream = new Socket("127.0.0.1", target);
          accepted.incrementAndGet();
          sockets.add(client);
          sockets.add(upstream);
          pipe(client, upstream, commands);
          pipe(upstream, client, null);
        } catch (IOException e) {
          return;
        }
      }
    }

    private static void pipe(Socket from, Socket to, @Nullable StringBuffer seen) {
      Thread thread =
          new Thread(
              () -> {
                try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                  byte[] buffer = new byte[8192];
                  for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                    if (seen != null) {
                      seen.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
                    }
                  }
                } catch (IOException ignored) {
                  // one side closed
                } finally {
                  try {
                    from.close();
                    to.close();
                  } catch (IOException ignored) {
                    // closed
                  }
                }
              },
              "smtp-relay-pipe");
      thread.setDaemon(true);
      thread.start();
    }
  }
}
