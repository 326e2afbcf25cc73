package org.infointerview.notifications.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.infointerview.notifications.RecipientFixtures;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.notifications.delivery.Delivery;
import org.infointerview.notifications.delivery.DeliveryStatus;
import org.infointerview.notifications.delivery.MailTemplates;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.Mailbox;
import org.infointerview.testinfra.MovableClock;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A person who chose a daily digest gets the mail that can wait in one mail at their time (the
 * clock moved on), never one by one; a meeting's mail still comes when due.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=notifications-digest",
      "infointerview.delivery.poll-every=200ms"
    })
@InfrastructureTest
@Import(MovableClock.AsTheClock.class)
class DailyDigestIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  @Autowired Deliveries deliveries;
  @Autowired MongoTemplate mongo;
  @Autowired MovableClock clock;

  @Value("${local.server.port}")
  int port;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void mailThatCanWaitGoesAsOneDigestAtTheChosenTimeAndAMeetingsMailStillComesWhenDue()
      throws Exception {
    String subject = "digest-" + UUID.randomUUID();
    String token = IDP.token(subject, "student");
    String userId = IDP.userId(subject);
    String address = subject + "@example.edu";
    RecipientFixtures.store(mongo, userId, address, "Dana Digest", "America/Chicago");
    String at =
        clock
            .instant()
            .atZone(CHICAGO)
            .plusHours(2)
            .toLocalTime()
            .truncatedTo(ChronoUnit.MINUTES)
            .toString();
    HttpResponse<String> set =
        new ApiClient(port)
            .put(
                "/me/preferences",
                token,
                "{\"emailReminders\": true, \"inAppReminders\": true, \"dailyDigestAt\": \""
                    + at
                    + "\"}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

    String followUp = queue("REMINDER_FOLLOW_UP", "Time to follow up with Ada", userId, address);
    String answered = queue("REQUEST_ANSWERED", "Lee answered your request", userId, address);
    queue("INTERVIEW_SCHEDULED", "Your conversation with Kai", userId, address);

    await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.receivedBy(address).size() == 1);
    assertThat(Mailbox.receivedBy(address).get(0).getSubject())
        .isEqualTo("Your conversation with Kai");
    assertThat(mongo.findById(followUp, Delivery.class).status())
        .isEqualTo(DeliveryStatus.IN_DIGEST);
    assertThat(mongo.findById(answered, Delivery.class).status())
        .isEqualTo(DeliveryStatus.IN_DIGEST);
    Thread.sleep(1_000);
    assertThat(Mailbox.receivedBy(address)).as("nothing more before the digest's time").hasSize(1);

    clock.advance(Duration.ofHours(2).plusMinutes(1));

    await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.receivedBy(address).size() == 2);
    MimeMessage digest = Mailbox.receivedBy(address).get(1);
    assertThat(digest.getSubject()).isEqualTo("Your InfoInterview digest: 2 messages");
    assertThat(Mailbox.part(digest, "text/plain"))
        .contains("Hello Dana Digest,")
        .contains("== Time to follow up with Ada ==")
        .contains("== Lee answered your request ==");
    Thread.sleep(1_000);
    assertThat(Mailbox.receivedBy(address))
        .as("one digest, the items never by themselves")
        .hasSize(2);
  }

  private String queue(String kind, String title, String userId, String address) {
    String eventId = UUID.randomUUID().toString();
    deliveries.queue(
        new Deliveries.Message(
            kind,
            eventId,
            userId,
            address,
            "Dana Digest",
            new MailTemplates.Rendered(title, "The words of " + title, "<p>" + title + "</p>")));
    return kind + "|" + eventId + "|" + userId;
  }
}
