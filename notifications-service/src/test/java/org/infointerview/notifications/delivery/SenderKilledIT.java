package org.infointerview.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.Mailbox;
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
 * The one window exactly-once cannot close: the mail server accepted a message and the sender died
 * before it wrote SENT. The sender here dies right there, once (after the server's acceptance,
 * nothing of the try is written); when its lease runs out the message goes once more, with the same
 * Message-ID, and never again: at most one duplicate, counted in the SMTP server.
 */
@SpringBootTest(
    properties = {
      "spring.application.name=notifications-sender-killed",
      "infointerview.delivery.lease=2s",
      "infointerview.delivery.poll-every=200ms"
    })
@InfrastructureTest
@Import(SenderKilledIT.DiesAfterTheServerAccepts.class)
class SenderKilledIT {

  static final AtomicBoolean DIED = new AtomicBoolean();

  /** A sender that dies once, between the server's acceptance and the SENT write. */
  @TestConfiguration
  static class DiesAfterTheServerAccepts {
    @Bean
    @Primary
    SmtpSender dyingSender(
        JavaMailSenderImpl mail, DeliveryProperties properties, SmtpConnections connections) {
      return new SmtpSender(mail, properties, connections) {
        @Override
        void send(Delivery delivery) throws Failure {
          super.send(delivery);
          if (delivery.to() != null
              && delivery.to().startsWith("killed-")
              && DIED.compareAndSet(false, true)) {
            throw new IllegalStateException("the sender died after the server accepted");
          }
        }
      };
    }
  }

  @Autowired Deliveries deliveries;
  @Autowired MongoTemplate mongo;

  @Test
  void aSenderKilledAfterTheServerAcceptedSendsAtMostOneDuplicateWithTheSameMessageId()
      throws Exception {
    String address = "killed-" + UUID.randomUUID() + "@example.edu";
    String eventId = UUID.randomUUID().toString();
    String id = "KILLED|" + eventId + "|user-killed";
    try {
      deliveries.queue(
          new Deliveries.Message(
              "KILLED",
              eventId,
              "user-killed",
              address,
              null,
              new MailTemplates.Rendered("Once", "Once, please", "<p>Once, please</p>"),
              true,
              false));
    } catch (IllegalStateException died) {
      // the instance "died" here: nothing after the server's acceptance was written
    }
    // here, or on the poller's thread if it took the first try
    await().atMost(Duration.ofSeconds(30)).untilTrue(DIED);
    assertThat(Mailbox.receivedBy(address)).as("accepted before the sender died").hasSize(1);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(mongo.findById(id, Delivery.class).status())
                    .as(
                        "%s; queued: %s",
                        mongo.findById(id, org.bson.Document.class, "deliveries"),
                        mongo.findAll(org.bson.Document.class, Deliveries.QUEUE))
                    .isEqualTo(DeliveryStatus.SENT));
    Thread.sleep(3_000);

    List<MimeMessage> received = Mailbox.receivedBy(address);
    assertThat(received).as("the original and at most one repeat").hasSize(2);
    assertThat(received.stream().map(SenderKilledIT::messageId).distinct())
        .as("one Message-ID, so receivers drop the repeat")
        .containsExactly(mongo.findById(id, Delivery.class).messageId());
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
