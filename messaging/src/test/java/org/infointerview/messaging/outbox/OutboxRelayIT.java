package org.infointerview.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.infointerview.events.Topics;
import org.infointerview.events.contacts.ContactErased;
import org.infointerview.messaging.MessagingProperties;
import org.infointerview.messaging.testapp.Ledger;
import org.infointerview.messaging.testapp.LedgerEntryAdded;
import org.infointerview.messaging.testapp.LedgerProjectionListener;
import org.infointerview.messaging.testapp.LedgerService;
import org.infointerview.messaging.testapp.LedgerTestApplication;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = LedgerTestApplication.class)
@InfrastructureTest
@DirtiesContext
class OutboxRelayIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired LedgerService ledgers;
  @Autowired LedgerProjectionListener projection;
  @Autowired MongoTemplate mongo;
  @Autowired AggregateStore store;
  @Autowired Outbox outbox;
  @Autowired BulkInserts bulk;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired MessagingProperties properties;
  @Autowired JsonMapper jsonMapper;

  @Test
  void aChangeAndItsEventAreStoredTogetherAndTheRelayPublishesItKeyedByTheAggregate() {
    String ledgerId = "ledger-" + UUID.randomUUID();
    try (TopicProbe probe = TopicProbe.on(LedgerEntryAdded.TOPIC)) {
      ledgers.add(ledgerId, 40);

      List<ConsumerRecord<String, String>> records = probe.pollForKey(ledgerId, WAIT);

      ConsumerRecord<String, String> record =
          records.stream().filter(r -> ledgerId.equals(r.key())).findFirst().orElseThrow();
      JsonNode envelope = jsonMapper.readTree(record.value());
      assertThat(envelope.get("specversion").asString()).isEqualTo("1.0");
      assertThat(envelope.get("type").asString()).isEqualTo(LedgerEntryAdded.TYPE);
      assertThat(envelope.get("subject").asString()).isEqualTo(ledgerId);
      assertThat(envelope.get("source").asString()).isEqualTo("/messaging-test");
      assertThat(envelope.get("data").get("amount").asInt()).isEqualTo(40);
      assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
          .isEqualTo(LedgerEntryAdded.TYPE);
      assertThat(
              new String(record.headers().lastHeader("ii_writer").value(), StandardCharsets.UTF_8))
          .as("which running instance stored it")
          .isEqualTo(outbox.writer());
    }
    await().atMost(WAIT).until(() -> pendingEvents(ledgerId).isEmpty());
    await().atMost(WAIT).until(() -> projection.applied(ledgerId).equals(List.of(1L)));
    await()
        .atMost(WAIT)
        .until(
            () ->
                mongo.count(new Query(Criteria.where("id").is(ledgerId)), OutboxHints.COLLECTION)
                    == 0);
  }

  @Test
  void aWriteFromAStaleVersionIsRejectedAndStoresNeitherStateNorEvent() {
    String ledgerId = "ledger-" + UUID.randomUUID();
    ledgers.add(ledgerId, 1);
    Ledger stale = mongo.findById(ledgerId, Ledger.class);
    ledgers.add(ledgerId, 2);

    Ledger first = mongo.findById(ledgerId, Ledger.class);
    assertThatThrownBy(
            () ->
                new AggregateStore(mongo, new OutboxSignal())
                    .update(
                        stale,
                        List.of(
                            outbox.entry(
                                LedgerEntryAdded.TOPIC,
                                LedgerEntryAdded.TYPE,
                                1,
                                ledgerId,
                                new LedgerEntryAdded(ledgerId, 2, 500)))))
        .isInstanceOf(OptimisticLockingFailureException.class);

    Ledger after = mongo.findById(ledgerId, Ledger.class);
    assertThat(after.total()).isEqualTo(first.total()).isEqualTo(3);
    assertThat(after.version()).isEqualTo(first.version());
    await().atMost(WAIT).until(() -> projection.applied(ledgerId).equals(List.of(1L, 2L)));
  }

  /** An aggregate in a collection the relay was not told about. */
  @org.springframework.data.mongodb.core.mapping.Document("tallies")
  record Tally(@Id String id, int count) {}

  @Test
  void eventsForACollectionTheRelayDoesNotReadAreRefusedWithTheFixBeforeAnythingIsStored() {
    String id = "tally-" + UUID.randomUUID();
    OutboxEntry counted =
        outbox.entry(
            LedgerEntryAdded.TOPIC, LedgerEntryAdded.TYPE, 1, id, new LedgerEntryAdded(id, 1, 1));

    assertThatThrownBy(() -> store.insert(new Tally(id, 1), List.of(counted)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'tallies'")
        .hasMessageContaining("Add 'tallies' to infointerview.messaging.outbox-collections");
    assertThatThrownBy(() -> bulk.insertAll(List.of(new Tally(id, 1)), t -> List.of(counted)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(mongo.findById(id, Tally.class)).isNull();

    // Without events there is nothing for the relay to miss.
    store.insert(new Tally(id, 2), List.of());
    assertThatThrownBy(
            () ->
                store.apply(
                    Tally.class,
                    id,
                    Criteria.where("count").is(2),
                    new Update().set("count", 3),
                    List.of(new ContactErased(id))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(mongo.findById(id, Tally.class).count()).isEqualTo(2);
  }

  @Test
  void anAggregateWithoutAnIdIsRefusedBeforeAnythingIsStored() {
    assertThatThrownBy(
            () -> new AggregateStore(mongo, new OutboxSignal()).insert(new NoId(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs its id");
  }

  @Test
  void aRelayThatDiesAfterTheBrokersAckLeavesTheEventToBeSentAgainAndTheEffectHappensOnce() {
    String ledgerId = "crash-" + UUID.randomUUID();
    String collection = "crash_" + UUID.randomUUID().toString().replace("-", "");
    OutboxEntry entry =
        outbox.entry(
            LedgerEntryAdded.TOPIC,
            LedgerEntryAdded.TYPE,
            1,
            ledgerId,
            new LedgerEntryAdded(ledgerId, 1, 7));
    mongo.insert(
        new Document("_id", ledgerId)
            .append(AggregateStore.OUTBOX, AggregateStore.documents(List.of(entry))),
        collection);
    MessagingProperties shortLease =
        new MessagingProperties(
            "/messaging-test",
            properties.partitions(),
            properties.topics(),
            List.of(collection),
            new MessagingProperties.Relay(
                Duration.ofMillis(100),
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                10,
                Duration.ofMillis(100),
                Duration.ofMinutes(2)),
            properties.consumer());
    OutboxRelay dying =
        new OutboxRelay(mongo, kafka, shortLease, new OutboxSignal(), Clock.systemUTC());
    OutboxRelay survivor =
        new OutboxRelay(mongo, kafka, shortLease, new OutboxSignal(), Clock.systemUTC());

    try (TopicProbe probe = TopicProbe.on(LedgerEntryAdded.TOPIC)) {
      List<OutboxRelay.Claim> claims = dying.claim(collection, 10);
      dying.publish(claims.get(0)).forEach(CompletableFutures::join);
      // the relay dies here: acknowledged by the broker, never marked as published
      await().atMost(WAIT).until(() -> projection.applied(ledgerId).equals(List.of(1L)));
      assertThat(survivor.claim(collection, 10)).as("the lease still holds").isEmpty();

      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> relayOnce(survivor) == 1);

      List<ConsumerRecord<String, String>> records =
          probe.pollUntil(r -> r.stream().filter(x -> ledgerId.equals(x.key())).count() == 2, WAIT);
      long delivered = records.stream().filter(r -> ledgerId.equals(r.key())).count();
      await()
          .during(Duration.ofSeconds(1))
          .atMost(WAIT)
          .until(() -> projection.applied(ledgerId).equals(List.of(1L)));
      System.out.printf(
          "relay crash: sent=1 delivered=%d duplicated=%d effects=%d lost=0%n",
          delivered, delivered - 1, projection.applied(ledgerId).size());
      assertThat(delivered).isEqualTo(2);
      assertThat(
              mongo
                  .findById(ledgerId, Document.class, collection)
                  .getList("outbox", Document.class))
          .isEmpty();
    }
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicOnItsPartitionAndLaterRecordsStillArrive() {
    String ledgerId = "poison-" + UUID.randomUUID();
    byte[] poison = "{this is not an envelope".getBytes(StandardCharsets.UTF_8);
    try (TopicProbe deadLetters = TopicProbe.on(Topics.deadLetter(LedgerEntryAdded.TOPIC));
        KafkaProducer<String, byte[]> producer = rawProducer()) {
      producer.send(new ProducerRecord<>(LedgerEntryAdded.TOPIC, 1, ledgerId, poison));
      producer.flush();
      ledgers.add(ledgerId, 5);

      List<ConsumerRecord<String, String>> dead = deadLetters.pollForKey(ledgerId, WAIT);

      ConsumerRecord<String, String> record =
          dead.stream().filter(r -> ledgerId.equals(r.key())).findFirst().orElseThrow();
      assertThat(record.value()).isEqualTo("{this is not an envelope");
      assertThat(record.partition()).isEqualTo(1);
      assertThat(record.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
      await().atMost(WAIT).until(() -> projection.applied(ledgerId).equals(List.of(1L)));
      System.out.printf(
          "poison record: sent=2 dead-lettered=%d applied=%d lost=0%n",
          dead.stream().filter(r -> ledgerId.equals(r.key())).count(),
          projection.applied(ledgerId).size());
    }
  }

  @Test
  void aRecordTheConsumerKeepsFailingOnIsRetriedThenDeadLetteredAndTheNextOneIsProcessed() {
    String ledgerId = "refused-" + UUID.randomUUID();
    try (TopicProbe deadLetters = TopicProbe.on(Topics.deadLetter(LedgerEntryAdded.TOPIC))) {
      ledgers.add(ledgerId, LedgerEntryAdded.REFUSED_AMOUNT);
      ledgers.add(ledgerId, 3);

      List<ConsumerRecord<String, String>> dead = deadLetters.pollForKey(ledgerId, WAIT);

      ConsumerRecord<String, String> record =
          dead.stream().filter(r -> ledgerId.equals(r.key())).findFirst().orElseThrow();
      assertThat(jsonMapper.readTree(record.value()).get("data").get("amount").asInt())
          .isEqualTo(LedgerEntryAdded.REFUSED_AMOUNT);
      assertThat(
              new String(
                  record.headers().lastHeader("kafka_dlt-exception-message").value(),
                  StandardCharsets.UTF_8))
          .contains("refuses amount");
      await().atMost(WAIT).until(() -> projection.applied(ledgerId).equals(List.of(2L)));
    }
  }

  @Test
  void anEnvelopeWithFieldsThisConsumerDoesNotKnowIsStillApplied() throws Exception {
    String ledgerId = "evolved-" + UUID.randomUUID();
    String envelope =
        """
        {"specversion": "1.0", "id": "%s", "source": "/elsewhere", "type": "LedgerEntryAdded",
         "subject": "%s", "time": "2026-11-29T10:15:30Z", "datacontenttype": "application/json",
         "schemaversion": 2, "traceparent": "00-abc-def-01",
         "data": {"ledgerId": "%s", "sequence": 1, "amount": 4, "currency": "EUR"}}
        """
            .formatted(UUID.randomUUID(), ledgerId, ledgerId);
    try (KafkaProducer<String, byte[]> producer = rawProducer()) {
      producer
          .send(
              new ProducerRecord<>(
                  LedgerEntryAdded.TOPIC, ledgerId, envelope.getBytes(StandardCharsets.UTF_8)))
          .get();
    }

    await().atMost(WAIT).until(() -> projection.applied(ledgerId).equals(List.of(1L)));
  }

  private int relayOnce(OutboxRelay relay) throws InterruptedException {
    return relay.relayOnce();
  }

  private List<Document> pendingEvents(String ledgerId) {
    Document document =
        mongo.findOne(new Query(Criteria.where("_id").is(ledgerId)), Document.class, "ledgers");
    return document.getList(AggregateStore.OUTBOX, Document.class);
  }

  private static KafkaProducer<String, byte[]> rawProducer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            Infrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG,
            0),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  @org.springframework.data.mongodb.core.mapping.Document("no_ids")
  static class NoId {
    @Id String id;
  }

  private static final class CompletableFutures {
    static void join(CompletableFuture<?> future) {
      future.join();
    }
  }
}
