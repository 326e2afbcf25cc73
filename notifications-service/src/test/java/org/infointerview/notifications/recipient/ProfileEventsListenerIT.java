package org.infointerview.notifications.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.InfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** contacts-service's golden UserProfileProvisioned, as on the wire, becomes a recipient once. */
@SpringBootTest
@InfrastructureTest
class ProfileEventsListenerIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired MongoTemplate mongo;
  @Autowired ProcessedEvents processedEvents;
  @Autowired JsonMapper jsonMapper;

  @Test
  void aProvisionedProfileBecomesARecipientAndAnOlderVersionNeverOverwritesANewerOne()
      throws Exception {
    String userId = "https://sso.example.edu|s-" + UUID.randomUUID();
    String v0 = golden(userId, 0, "Sam Student");
    String v1 = golden(userId, 1, "Sam Graduate");

    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      producer.send(GoldenEvent.asRelayed(Topics.CONTACTS, userId, v0)).get();
      await().atMost(WAIT).until(() -> mongo.findById(userId, Recipient.class) != null);
      producer.send(GoldenEvent.asRelayed(Topics.CONTACTS, userId, v1)).get();
      String lateV0 = golden(userId, 0, "Sam Student");
      producer.send(GoldenEvent.asRelayed(Topics.CONTACTS, userId, lateV0)).get();
      producer.send(GoldenEvent.asRelayed(Topics.CONTACTS, userId, v1)).get();
      await()
          .atMost(WAIT)
          .until(
              () ->
                  processedEvents.processed(
                      ProfileEventsListener.CONSUMER,
                      jsonMapper.readTree(lateV0).get("id").asString()));
    }

    Recipient recipient = mongo.findById(userId, Recipient.class);
    assertThat(recipient.displayName()).isEqualTo("Sam Graduate");
    assertThat(recipient.profileVersion()).isEqualTo(1);
    assertThat(recipient.email()).isEqualTo("sam.student@example.edu");
    assertThat(recipient.timeZone()).isEqualTo("America/Chicago");
  }

  private static String golden(String userId, long version, String name) {
    return GoldenEvent.of(EventType.USER_PROFILE_PROVISIONED)
        .subject(userId)
        .with("userId", userId)
        .with("version", version)
        .with("displayName", name)
        .json();
  }
}
