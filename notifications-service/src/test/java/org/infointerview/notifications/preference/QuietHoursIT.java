package org.infointerview.notifications.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/**
 * Quiet hours, as the person sets them and lives with them: mail that can wait waits for their end
 * in the person's zone while the inbox gets it at once; a meeting's mail does not wait; lifting the
 * quiet hours sends what waited; hours that cannot be read are refused, nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
class QuietHoursIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Autowired Deliveries deliveries;
  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  @Value("${local.server.port}")
  int port;

  @Test
  void mailThatCanWaitWaitsForTheEndOfQuietHoursAndGoesWhenTheyAreLifted() throws Exception {
    String subject = "quiet-" + UUID.randomUUID();
    String token = IDP.token(subject, "student");
    String userId = IDP.userId(subject);
    String address = subject + "@example.edu";
    RecipientFixtures.store(mongo, userId, address, "Quinn Quiet", "Asia/Tokyo");
    // quiet from an hour ago until two hours from now, in their zone
    LocalTime now = ZonedDateTime.now(TOKYO).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
    String from = now.minusHours(1).toString();
    String until = now.plusHours(2).toString();
    ApiClient api = new ApiClient(port);
    HttpResponse<String> set =
        api.put(
            "/me/preferences",
            token,
            "{\"emailReminders\": true, \"inAppReminders\": true, \"quietHours\": {\"from\": \""
                + from
                + "\", \"until\": \""
                + until
                + "\"}}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(json.readTree(set.body()).get("quietHours").get("until").asString())
        .isEqualTo(until);

    String canWait = queue("REQUEST_ANSWERED", userId, address);
    String meeting = queue("INTERVIEW_SCHEDULED", userId, address);

    await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.receivedBy(address).size() == 1);
    assertThat(Mailbox.receivedBy(address).get(0).getSubject()).isEqualTo("INTERVIEW_SCHEDULED");
    Delivery waiting = mongo.findById(canWait, Delivery.class);
    assertThat(waiting.status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(waiting.attempts()).as("waiting is no try").isZero();
    assertThat(waiting.nextAttemptAt().atZone(TOKYO).toLocalTime().toString()).isEqualTo(until);
    assertThat(
            mongo.exists(
                Query.query(
                    Criteria.where("userId").is(userId).and("title").is("REQUEST_ANSWERED")),
                "inbox"))
        .as("the inbox gets it at once")
        .isTrue();
    assertThat(mongo.findById(meeting, Delivery.class).status()).isEqualTo(DeliveryStatus.SENT);

    HttpResponse<String> lifted =
        api.put("/me/preferences", token, "{\"emailReminders\": true, \"inAppReminders\": true}");
    assertThat(lifted.statusCode()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.receivedBy(address).size() == 2);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mongo.findById(canWait, Delivery.class).status() == DeliveryStatus.SENT);
  }

  @Test
  void quietHoursThatCannotBeReadAreRefusedAndNothingIsStored() {
    String subject = "unquiet-" + UUID.randomUUID();
    String token = IDP.token(subject, "student");
    ApiClient api = new ApiClient(port);

    HttpResponse<String> badHour =
        api.put(
            "/me/preferences",
            token,
            "{\"emailReminders\": true, \"inAppReminders\": true,"
                + " \"quietHours\": {\"from\": \"25:00\", \"until\": \"07:00\"}}");
    HttpResponse<String> same =
        api.put(
            "/me/preferences",
            token,
            "{\"emailReminders\": true, \"inAppReminders\": true,"
                + " \"quietHours\": {\"from\": \"07:00\", \"until\": \"07:00\"}}");

    assertThat(badHour.statusCode()).isEqualTo(400);
    assertThat(badHour.body()).contains("quietHours.from").contains("must be HH:mm");
    assertThat(same.statusCode()).isEqualTo(400);
    assertThat(same.body()).contains("quietHours").contains("must differ");
    assertThat(mongo.findById(IDP.userId(subject), NotificationPreferences.class)).isNull();
  }

  private String queue(String kind, String userId, String address) {
    String eventId = UUID.randomUUID().toString();
    deliveries.queue(
        new Deliveries.Message(
            kind,
            eventId,
            userId,
            address,
            "Quinn Quiet",
            new MailTemplates.Rendered(kind, "Text of " + kind, "<p>" + kind + "</p>")));
    return kind + "|" + eventId + "|" + userId;
  }
}
