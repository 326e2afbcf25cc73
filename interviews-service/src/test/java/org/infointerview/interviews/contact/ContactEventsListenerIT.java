package org.infointerview.interviews.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes contacts-service's golden examples, as they are on the wire, and watches the read
 * model: applied, applied once when redelivered, never overwritten by an older version, and a
 * malformed record goes to the dead-letter topic.
 */
@ServiceIT
class ContactEventsListenerIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  private final KafkaProducer<String, String> producer = Infrastructure.get().producer();

  @Autowired ContactSnapshots snapshots;
  @Autowired ProcessedEvents processedEvents;
  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper jsonMapper;

  @Value("${local.server.port}")
  int port;

  @LocalManagementPort int managementPort;

  @AfterEach
  void closeProducer() {
    producer.close(Duration.ofSeconds(5));
  }

  @Test
  void theGoldenContactCreatedBecomesASnapshotAndARedeliveryTakesEffectOnce() throws Exception {
    String contactId = "c-" + UUID.randomUUID();
    String created = golden(EventType.CONTACT_CREATED, contactId);

    publish(contactId, created);
    await().atMost(WAIT).until(() -> snapshots.find(contactId).isPresent());
    ContactSnapshot first = snapshots.find(contactId).orElseThrow();
    publish(contactId, created);
    String marker = golden(EventType.CONTACT_ERASED, "other-" + UUID.randomUUID());
    publish("marker", marker);
    await()
        .atMost(WAIT)
        .until(() -> processedEvents.processed(ContactEventsListener.CONSUMER, id(marker)));

    assertThat(first.displayName()).isEqualTo("Priya Raman");
    assertThat(first.organizationName()).isEqualTo("Northwind Health");
    assertThat(first.optedIn()).isTrue();
    assertThat(first.contactVersion()).isZero();
    assertThat(snapshots.find(contactId)).contains(first);
    assertThat(
            mongo.count(
                new Query(Criteria.where("eventId").is(id(created))), ProcessedEvents.COLLECTION))
        .isEqualTo(1);
  }

  @Test
  void anUpdateIsAppliedAndALateOlderVersionIsIgnored() throws Exception {
    String contactId = "c-" + UUID.randomUUID();
    publish(contactId, golden(EventType.CONTACT_CREATED, contactId));
    publish(contactId, golden(EventType.CONTACT_UPDATED, contactId));
    await()
        .atMost(WAIT)
        .until(() -> snapshots.find(contactId).map(s -> s.contactVersion() == 1).orElse(false));

    String lateCreated = golden(EventType.CONTACT_CREATED, contactId);
    publish(contactId, lateCreated);
    await()
        .atMost(WAIT)
        .until(() -> processedEvents.processed(ContactEventsListener.CONSUMER, id(lateCreated)));

    ContactSnapshot snapshot = snapshots.find(contactId).orElseThrow();
    assertThat(snapshot.contactVersion()).isEqualTo(1);
    assertThat(snapshot.organizationName()).isEqualTo("Contoso Clinics");
    assertThat(snapshot.jobTitle()).isEqualTo("Senior Data Scientist");
  }

  @Test
  void consentChangesAndErasureReachTheSnapshot() throws Exception {
    String contactId = "c-" + UUID.randomUUID();
    publish(contactId, golden(EventType.CONTACT_CREATED, contactId));
    publish(contactId, golden(EventType.CONTACT_CONSENT_CHANGED, contactId));
    await()
        .atMost(WAIT)
        .until(() -> snapshots.find(contactId).map(s -> s.contactVersion() == 2).orElse(false));
    assertThat(snapshots.find(contactId).orElseThrow().maxRequestsPerMonth()).isEqualTo(1);

    publish(contactId, golden(EventType.CONTACT_ERASED, contactId));
    await().atMost(WAIT).until(() -> snapshots.find(contactId).isEmpty());
  }

  @Test
  void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() throws Exception {
    String contactId = "c-" + UUID.randomUUID();
    try (TopicProbe deadLetters = TopicProbe.on(Topics.CONTACTS_DLT)) {
      publish(contactId, "{\"specversion\": ");
      publish(contactId, golden(EventType.CONTACT_CREATED, contactId));

      assertThat(deadLetters.pollForKey(contactId, WAIT))
          .anySatisfy(r -> assertThat(r.value()).isEqualTo("{\"specversion\": "));
      await().atMost(WAIT).until(() -> snapshots.find(contactId).isPresent());
    }
    // what an operator's Prometheus scrapes, on the management port: the dead letter counted
    String scraped = new ApiClient(managementPort).get("/actuator/prometheus", null).body();
    assertThat(scraped)
        .containsPattern(
            "infointerview_events_dead_lettered_total\\{[^}]*topic=\"contacts\\.events\"[^}]*\\}"
                + " [1-9]")
        .contains("infointerview_outbox_pending ", "infointerview_outbox_oldest_seconds ");
  }

  @Test
  void aMalformedRecordAmidABatchGoesToTheDeadLetterTopicAndTheEventsAroundItAreApplied()
      throws Exception {
    String before = "c-" + UUID.randomUUID();
    String after = "c-" + UUID.randomUUID();
    String malformed = "{\"specversion\": \"1.0\", \"id\": ";
    try (TopicProbe deadLetters = TopicProbe.on(Topics.CONTACTS_DLT)) {
      // One key, so one partition and one order; sent together, so one poll takes them as a batch.
      producer.send(
          new ProducerRecord<>(Topics.CONTACTS, before, golden(EventType.CONTACT_CREATED, before)));
      producer.send(new ProducerRecord<>(Topics.CONTACTS, before, malformed));
      producer.send(
          new ProducerRecord<>(Topics.CONTACTS, before, golden(EventType.CONTACT_CREATED, after)));
      producer.flush();

      assertThat(deadLetters.pollForKey(before, WAIT))
          .anySatisfy(r -> assertThat(r.value()).isEqualTo(malformed));
      await().atMost(WAIT).until(() -> snapshots.find(before).isPresent());
      await().atMost(WAIT).until(() -> snapshots.find(after).isPresent());
    }
  }

  @Test
  void aStudentSeesOptedInAlumniAndTheirOwnContactsButNotAnotherStudentsContact() throws Exception {
    String alumnus = "c-" + UUID.randomUUID();
    String personal = "c-" + UUID.randomUUID();
    publish(alumnus, golden(EventType.CONTACT_CREATED, alumnus));
    ObjectNode owned =
        (ObjectNode) jsonMapper.readTree(golden(EventType.CONTACT_CREATED, personal));
    ((ObjectNode) owned.get("data")).put("ownerId", IDP.userId("owner"));
    ((ObjectNode) owned.get("data")).put("source", "PERSONAL");
    publish(personal, owned.toString());
    await().atMost(WAIT).until(() -> snapshots.find(personal).isPresent());

    assertThat(get("/contacts/" + alumnus, IDP.token("someone", "student")).statusCode())
        .isEqualTo(200);
    assertThat(get("/contacts/" + personal, IDP.token("owner", "student")).statusCode())
        .isEqualTo(200);
    HttpResponse<String> intruder = get("/contacts/" + personal, IDP.token("intruder", "student"));
    assertThat(intruder.statusCode()).isEqualTo(404);
    assertThat(intruder.body()).doesNotContain("Priya");
  }

  private static String golden(EventType type, String aggregateId) {
    return GoldenEvent.of(type).about(aggregateId).json();
  }

  private String id(String envelope) {
    return jsonMapper.readTree(envelope).get("id").asString();
  }

  private void publish(String key, String value) throws Exception {
    producer.send(new ProducerRecord<>(Topics.CONTACTS, key, value)).get();
  }

  private HttpResponse<String> get(String path, String token) {
    return new ApiClient(port).get(path, token);
  }
}
