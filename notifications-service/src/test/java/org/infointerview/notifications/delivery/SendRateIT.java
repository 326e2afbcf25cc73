package org.infointerview.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The sending mailbox's cap: mails over it wait their turn and go when the bucket refills, every
 * one exactly once, none dropped or failed, and waiting is no try. Its own application name, so its
 * own store and bucket.
 */
@SpringBootTest(
    properties = {
      "spring.application.name=notifications-send-rate",
      "infointerview.delivery.send-rate=3",
      "infointerview.delivery.rate-period=4s",
      "infointerview.delivery.poll-every=100ms"
    })
@InfrastructureTest
class SendRateIT {

  private static final int MAILS = 8;

  @Autowired Deliveries deliveries;
  @Autowired MongoTemplate mongo;

  @Test
  void mailsOverTheMailboxsRateWaitTheirTurnAndNoneIsLost() {
    String address = "many-" + UUID.randomUUID() + "@example.edu";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < MAILS; i++) {
      String eventId = UUID.randomUUID().toString();
      deliveries.queue(
          new Deliveries.Message(
              "RATE",
              eventId,
              "user-rate",
              address,
              null,
              new MailTemplates.Rendered("Mail " + i, "Text " + i, "<p>Html " + i + "</p>"),
              true,
              false));
      ids.add("RATE|" + eventId + "|user-rate");
    }
    int atOnce = Mailbox.receivedBy(address).size();

    await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.receivedBy(address).size() >= MAILS);
    // SENT is written just after the server took each
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ids.stream()
                    .allMatch(
                        id -> mongo.findById(id, Delivery.class).status() == DeliveryStatus.SENT));

    assertThat(atOnce).as("sent at once: the bucket's capacity, or one refilled").isBetween(3, 4);
    List<MimeMessage> mails = Mailbox.receivedBy(address);
    assertThat(mails).hasSize(MAILS);
    Instant first = sentAt(mails.get(0));
    Instant last = sentAt(mails.get(MAILS - 1));
    // five more at 3 per 4 s cannot all have gone in less than about 6 s
    assertThat(Duration.between(first, last)).isGreaterThan(Duration.ofSeconds(4));
    assertThat(ids)
        .allSatisfy(
            id -> {
              Delivery delivery = mongo.findById(id, Delivery.class);
              assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
              assertThat(delivery.attempts()).as("waiting is no try").isEqualTo(1);
            });
  }

  private static Instant sentAt(MimeMessage mail) {
    try {
      return mail.getReceivedDate() != null
          ? mail.getReceivedDate().toInstant()
          : mail.getSentDate().toInstant();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
