package org.infointerview.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.infointerview.notifications.NotificationsApplication;
import org.infointerview.testinfra.InfrastructureInitializer;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances poll the same due messages (a burst of reminders due at once), each with its
 * senders: every message is sent once between them, counted in the SMTP server by Message-ID.
 */
@SpringBootTest(
    properties = {
      "spring.application.name=notifications-two-instances",
      "infointerview.delivery.poll-every=200ms"
    })
@InfrastructureTest
class TwoInstancesIT {

  private static final int MESSAGES = 250;

  @Autowired Deliveries deliveries;
  @Autowired Clock clock;

  @Test
  void twoInstancesSendEveryDueMessageOnceBetweenThem() throws Exception {
    String run = UUID.randomUUID().toString();
    String address = "two-" + run + "@example.edu";
    try (ConfigurableApplicationContext second =
        new SpringApplicationBuilder(NotificationsApplication.class)
            .initializers(new InfrastructureInitializer())
            .properties(
                "spring.application.name=notifications-two-instances",
                "infointerview.delivery.poll-every=200ms")
            // Arguments, not default properties: application.yml's ${PORT:8083} would win over
            // those, and a local run on this machine holds 8083.
            .run("--server.port=0", "--management.server.port=0")) {
      Instant due = clock.instant().plusSeconds(2);
      for (int i = 0; i < MESSAGES; i++) {
        deliveries.queueAt(
            "TWO|" + run + "|" + i,
            new Deliveries.Message(
                "TWO",
                run + "-" + i,
                "user-two",
                address,
                null,
                new MailTemplates.Rendered("Due " + i, "Due " + i, "<p>Due " + i + "</p>"),
                true,
                false),
            due);
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(Mailbox.receivedBy(address)).hasSize(MESSAGES));
      Thread.sleep(2_000); // a second copy would come now

      List<MimeMessage> received = Mailbox.receivedBy(address);
      assertThat(received).hasSize(MESSAGES);
      assertThat(received.stream().map(TwoInstancesIT::messageId).distinct()).hasSize(MESSAGES);
      assertThat(second.getBean(Deliveries.class).isRunning()).as("the second polled").isTrue();
    }
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
