package org.infointerview.contacts.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/** interviews-service's golden ReferralCaptured, published as it is on the wire. */
@ServiceIT
class ReferralListenerIT {

  ApiClient api;

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  private final KafkaProducer<String, String> producer = Infrastructure.get().producer();

  @Autowired MongoTemplate mongo;
  @Autowired ProcessedEvents processedEvents;
  @Autowired JsonMapper json;

  @AfterEach
  void close() {
    producer.close(Duration.ofSeconds(5));
  }

  @Test
  void aReferralBecomesTheStudentsContactOnceWithWhoReferredThem() throws Exception {
    String student = "student-" + UUID.randomUUID();
    String email = "tomas-" + UUID.randomUUID() + "@example.org";
    String event = referral(IDP.userId(student), email, "referral-" + UUID.randomUUID());

    try (TopicProbe contacts = TopicProbe.on(Topics.CONTACTS)) {
      publish(event);
      await().atMost(WAIT).until(() -> owned(student).size() == 1);
      publish(event);
      String marker = referral("nobody", "m@example.org", "marker-" + UUID.randomUUID());
      publish(marker);
      await()
          .atMost(WAIT)
          .until(() -> processedEvents.processed(ReferralListener.CONSUMER, idOf(marker)));

      List<Contact> owned = owned(student);
      assertThat(owned).hasSize(1);
      Contact tomas = owned.get(0);
      assertThat(tomas.source().name()).isEqualTo("REFERRAL");
      assertThat(tomas.details().givenName()).isEqualTo("Tomás");
      assertThat(tomas.details().familyName()).isEqualTo("Okafor");
      assertThat(tomas.referredBy()).isEqualTo("64b7f0c2a1d3e45f6a7b8c90");
      assertThat(contacts.pollForKey(tomas.id(), WAIT))
          .anySatisfy(r -> assertThat(r.value()).contains("\"source\":\"REFERRAL\""));
    }
    assertThat(api.get("/contacts?scope=own", IDP.token(student, "student")).body())
        .contains("Tomás Okafor");
    assertThat(
            api.get("/contacts?scope=own", IDP.token("other-" + UUID.randomUUID(), "student"))
                .body())
        .doesNotContain("Tomás Okafor");
  }

  @Test
  void aReferralToSomeoneTheStudentAlreadyHasLinksThatContact() throws Exception {
    String student = "student-" + UUID.randomUUID();
    String email = "known-" + UUID.randomUUID() + "@example.org";
    assertThat(
            api.post(
                    "/contacts",
                    IDP.token(student, "student"),
                    "{\"givenName\": \"Known\", \"familyName\": \"Person\", \"emails\": [\""
                        + email
                        + "\"]}")
                .statusCode())
        .isEqualTo(201);

    publish(referral(IDP.userId(student), email.toUpperCase(), "referral-" + UUID.randomUUID()));

    await().atMost(WAIT).until(() -> owned(student).get(0).referredBy() != null);
    assertThat(owned(student)).hasSize(1);
  }

  @Test
  void aMalformedAddressIsLeftOutRatherThanLosingTheReferral() throws Exception {
    String student = "student-" + UUID.randomUUID();

    publish(referral(IDP.userId(student), "not an address", "referral-" + UUID.randomUUID()));

    await().atMost(WAIT).until(() -> owned(student).size() == 1);
    assertThat(owned(student).get(0).details().emails()).isEmpty();
  }

  private List<Contact> owned(String student) {
    return mongo.find(
        Query.query(Criteria.where("ownerId").is(IDP.userId(student))), Contact.class);
  }

  private static String referral(String studentId, String email, String referralId) {
    return GoldenEvent.of(EventType.REFERRAL_CAPTURED)
        .with("studentId", studentId)
        .with("email", email)
        .with("referralId", referralId)
        .json();
  }

  private String idOf(String event) {
    return json.readTree(event).get("id").asString();
  }

  private void publish(String event) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                Topics.INTERVIEWS, json.readTree(event).get("subject").asString(), event))
        .get();
  }
}
