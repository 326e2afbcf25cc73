package org.infointerview.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.bson.Document;
import org.infointerview.testinfra.InfrastructureTest;
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
 * The mail server is away when messages are queued: each is tried, kept with the reason, tried
 * again with growing pauses, and sent once the server is back, every one exactly once. An address
 * that is not one is given up at once. Its own application name, so its own store and consumers.
 */
@SpringBootTest(
    properties = {
      "spring.application.name=notifications-mail-away",
      "infointerview.delivery.first-retry-after=200ms",
      "infointerview.delivery.longest-retry-after=1s",
      "infointerview.delivery.poll-every=100ms",
      "infointerview.delivery.most-attempts=100"
    })
@InfrastructureTest
@Import(MailServerAwayIT.ServerAway.class)
class MailServerAwayIT {

  private static final int PORT = freePort();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TestConfiguration
  static class ServerAway {
    @Bean
    @Primary
    JavaMailSenderImpl awayMailSender() {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(PORT);
      Properties properties = new Properties();
      properties.put("mail.smtp.connectiontimeout", "1000");
      properties.put("mail.smtp.timeout", "2000");
      sender.setJavaMailProperties(properties);
      return sender;
    }
  }

  @Autowired Deliveries deliveries;
  @Autowired MongoTemplate mongo;
  @Autowired MeterRegistry meters;

  @Test
  void whatIsQueuedWhileTheServerIsAwayIsSentOnceWhenItIsBack() throws Exception {
    double sentBefore = sent();
    double retriedBefore = meters.get(MailMeters.RETRIED).counter().count();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String eventId = UUID.randomUUID().toString();
      deliveries.queue(message(eventId, "student" + i + "@example.edu"));
      ids.add("TEST|" + eventId + "|user-" + eventId);
    }
    await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> delivery(id).attempts() >= 2));
    for (String id : ids) {
      assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.QUEUED);
      assertThat(delivery(id).lastError()).contains("could not be reached");
    }
    // what an operator's dashboard shows meanwhile: mail waiting, and late for as long as the
    // server has been away (each retry moves the messages' due times on: late counts from the
    // first failure, or it would never pass the longest pause between tries, 1 s here)
    await().atMost(WAIT).until(() -> gauge(MailMeters.QUEUED) >= 5 && gauge(MailMeters.LATE) >= 3);
    assertThat(meters.get(MailMeters.RETRIED).counter().count() - retriedBefore)
        .as("each failed try to be made again")
        .isGreaterThanOrEqualTo(10);

    GreenMail back = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    back.start();
    try {
      await()
          .atMost(WAIT)
          .until(() -> ids.stream().allMatch(id -> delivery(id).status() == DeliveryStatus.SENT));
      Thread.sleep(1_500);
      assertThat(back.getReceivedMessages()).as("each once").hasSize(5);
      assertThat(sent() - sentBefore).isEqualTo(5);
      await()
          .atMost(WAIT)
          .until(() -> gauge(MailMeters.QUEUED) == 0 && gauge(MailMeters.LATE) == 0);
    } finally {
      back.stop();
    }
  }

  @Test
  void anAddressThatIsNotOneIsGivenUpAtOnceWithTheReason() {
    String eventId = UUID.randomUUID().toString();
    deliveries.queue(message(eventId, "not an address"));

    String id = "TEST|" + eventId + "|user-" + eventId;
    // Tried at once, by this call or by the poller that saw it first.
    await().atMost(WAIT).until(() -> delivery(id).status() != DeliveryStatus.QUEUED);
    Delivery delivery = delivery(id);
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(delivery.attempts()).isEqualTo(1);
    assertThat(delivery.lastError()).contains("not a valid address");
    assertThat(mongo.findById(delivery.id(), Document.class, Deliveries.QUEUE)).isNull();
    await().atMost(WAIT).until(() -> gauge(MailMeters.FAILED) >= 1);
  }

  private double sent() {
    return meters.find(MailMeters.SENT).tag("kind", "TEST").counters().stream()
        .mapToDouble(io.micrometer.core.instrument.Counter::count)
        .sum();
  }

  private double gauge(String name) {
    return meters.get(name).gauge().value();
  }

  private static Deliveries.Message message(String eventId, String to) {
    return new Deliveries.Message(
        "TEST",
        eventId,
        "user-" + eventId,
        to,
        "Sam",
        new MailTemplates.Rendered("Hello", "Hello, Sam.", "<p>Hello, Sam.</p>"));
  }

  private Delivery delivery(String id) {
    return mongo.findById(id, Delivery.class);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
