package org.infointerview.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.infointerview.events.contacts.ContactErased;
import org.infointerview.messaging.MessagingProperties;
import org.infointerview.messaging.testapp.LedgerEntryAdded;
import org.infointerview.messaging.testapp.LedgerProjectionListener;
import org.infointerview.messaging.testapp.LedgerTestApplication;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * New aggregates inserted together keep their events in one batch document: what the store holds
 * meanwhile, what reaches the topic and the consumer, and what happens when the writer dies or
 * comes back late. The relays here are driven by hand over a collection the application's own relay
 * does not serve.
 */
@SpringBootTest(classes = LedgerTestApplication.class)
@InfrastructureTest
@DirtiesContext
class OutboxBatchesIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String COLLECTION = "batch_ledgers";

  @Autowired MongoTemplate mongo;
  @Autowired Outbox outbox;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired MessagingProperties properties;
  @Autowired LedgerProjectionListener projection;

  private AggregateStore store;
  private BulkInserts bulk;

  @BeforeEach
  void setUp() {
    store = new AggregateStore(mongo, new OutboxSignal());
    bulk = new BulkInserts(store, outbox, mongo, new OutboxSignal(), Clock.systemUTC());
  }

  @Test
  void newAggregatesEventsWaitInOneBatchAndALaterChangeGoesOutOnlyAfterIt() throws Exception {
    List<BatchLedger> ledgers = List.of(ledger(), ledger(), ledger());
    bulk.insertAll(ledgers, l -> List.of(added(l.id, 1, 10)));

    Document events = eventsOf(ledgers.get(0).id);
    Document batch = mongo.findById(events.get("_id"), Document.class, OutboxBatches.COLLECTION);
    assertThat(batch.getString("state")).isEqualTo("WRITTEN");
    assertThat(batch.containsKey("items")).as("the state holds no events").isFalse();
    assertThat(OutboxBatches.items(events)).hasSize(3);
    for (BatchLedger ledger : ledgers) {
      Document stored = mongo.findById(ledger.id, Document.class, COLLECTION);
      assertThat(stored.getList(AggregateStore.OUTBOX, Document.class)).isEmpty();
      assertThat(stored.getString(OutboxBatches.BATCH_FIELD)).isEqualTo(batch.getString("_id"));
    }
    BatchLedger first = mongo.findById(ledgers.get(0).id, BatchLedger.class);
    store.update(first, List.of(added(first.id, 2, 5)));

    OutboxRelay relay = relay(Duration.ofMinutes(2));
    OutboxBatches elsewhere = new OutboxBatches(mongo, Clock.systemUTC());
    OutboxBatches.Claimed held =
        elsewhere.claim(List.of(COLLECTION), "other", Duration.ofMinutes(1), Duration.ofMinutes(2));
    assertThat(held).isNotNull();
    assertThat(relay.relayOnce()).as("the batch is held, the change waits for it").isZero();
    assertThat(pending(first.id)).hasSize(1);

    elsewhere.release(held.id(), "other");
    try (TopicProbe probe = TopicProbe.on(LedgerEntryAdded.TOPIC)) {
      assertThat(relay.relayOnce()).isEqualTo(4);

      List<ConsumerRecord<String, String>> records =
          probe.pollUntil(r -> r.stream().filter(x -> first.id.equals(x.key())).count() == 2, WAIT);
      assertThat(records.stream().filter(r -> first.id.equals(r.key())).map(r -> sequenceOf(r)))
          .containsExactly(1L, 2L);
    }
    await().atMost(WAIT).until(() -> projection.applied(first.id).equals(List.of(1L, 2L)));
    for (BatchLedger ledger : ledgers.subList(1, 3)) {
      await().atMost(WAIT).until(() -> projection.applied(ledger.id).equals(List.of(1L)));
    }
    assertThat(mongo.findById(batch.get("_id"), Document.class, OutboxBatches.COLLECTION)).isNull();
    assertThat(mongo.findById(batch.get("_id"), Document.class, OutboxBatches.EVENTS)).isNull();
    Document after = mongo.findById(first.id, Document.class, COLLECTION);
    assertThat(after.getList(AggregateStore.OUTBOX, Document.class)).isEmpty();
    assertThat(after.containsKey(OutboxBatches.BATCH_FIELD)).isFalse();
  }

  @Test
  void anErasureDropsTheEventsStillWaitingInTheAggregateAndInTheBatchOfItsCreation() {
    List<BatchLedger> ledgers = List.of(ledger(), ledger());
    bulk.insertAll(ledgers, l -> List.of(added(l.id, 1, 10)));
    BatchLedger erased = mongo.findById(ledgers.get(0).id, BatchLedger.class);
    erased = store.update(erased, List.of(added(erased.id, 2, 5)));
    String batch = mongo.findById(erased.id, Document.class, COLLECTION).getString("outboxBatch");

    store.update(Changed.erasing(erased, new ContactErased(erased.id)));

    List<Document> waiting = pending(erased.id);
    assertThat(waiting).as("only the erasure's own event").hasSize(1);
    assertThat(waiting.get(0).getString(OutboxEntry.TYPE)).isEqualTo("ContactErased");
    assertThat(mongo.findById(erased.id, Document.class, COLLECTION).getString("outboxBatch"))
        .as("the erasure still waits for the batch, which a relay may be sending")
        .isEqualTo(batch);
    OutboxBatches.Claimed claimed =
        new OutboxBatches(mongo, Clock.systemUTC())
            .claim(List.of(COLLECTION), "other", Duration.ofMinutes(1), Duration.ofMinutes(2));
    assertThat(claimed.id()).isEqualTo(batch);
    assertThat(claimed.entries())
        .as("the batch's events of the other aggregate only")
        .extracting(OutboxEntry::key)
        .containsExactly(ledgers.get(1).id);
    new OutboxBatches(mongo, Clock.systemUTC()).published(claimed.id(), "other");
    forget(ledgers.get(0).id, ledgers.get(1).id);
  }

  @Test
  void aBatchARelayIsSendingWhenAnAggregateIsErasedStillGoesOutWholeBeforeTheErasure()
      throws Exception {
    BatchLedger ledger = ledger();
    bulk.insertAll(List.of(ledger), l -> List.of(added(l.id, 1, 10)));
    OutboxBatches elsewhere = new OutboxBatches(mongo, Clock.systemUTC());
    OutboxBatches.Claimed held =
        elsewhere.claim(List.of(COLLECTION), "other", Duration.ofMinutes(1), Duration.ofMinutes(2));

    store.update(
        Changed.erasing(
            mongo.findById(ledger.id, BatchLedger.class), new ContactErased(ledger.id)));

    assertThat(held.entries()).extracting(OutboxEntry::key).containsExactly(ledger.id);
    assertThat(relay(Duration.ofMinutes(2)).relayOnce())
        .as("the erasure waits for the batch being sent")
        .isZero();
    elsewhere.published(held.id(), "other");
    assertThat(pending(ledger.id)).hasSize(1);
    forget(ledger.id);
  }

  @Test
  void aWriterThatComesBackLateDoesNotPutTheCreationBackIntoAnAggregateErasedMeanwhile()
      throws Exception {
    OutboxRelay impatient = relay(Duration.ZERO);
    BatchLedger ledger = ledger();
    bulk.insertAll(
        List.of(ledger),
        l -> List.of(added(l.id, 1, 7)),
        () -> {
          try {
            Thread.sleep(5);
            assertThat(impatient.relayOnce()).as("taken over and sent").isEqualTo(1);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          store.update(
              Changed.erasing(
                  mongo.findById(ledger.id, BatchLedger.class), new ContactErased(ledger.id)));
        });

    List<Document> waiting = pending(ledger.id);
    assertThat(waiting).hasSize(1);
    assertThat(waiting.get(0).getString(OutboxEntry.TYPE)).isEqualTo("ContactErased");
    forget(ledger.id);
  }

  /** Removes aggregates whose events the other tests' relays must not meet. */
  private void forget(String... ids) {
    mongo.remove(new Query(Criteria.where("_id").in(List.of(ids))), COLLECTION);
  }

  @Test
  void theProcessHearsOfNewAggregatesBeforeTheirBatchCanGoOut() throws Exception {
    List<String> statesWhenHeard = new ArrayList<>();
    ApplicationEventPublisher publisher =
        event -> {
          if (event instanceof AggregatesWritten written && !written.aggregates().isEmpty()) {
            String id = ((BatchLedger) written.aggregates().get(0)).id;
            Document events = eventsOf(id);
            statesWhenHeard.add(
                mongo
                    .findById(events.get("_id"), Document.class, OutboxBatches.COLLECTION)
                    .getString("state"));
          }
        };
    AggregateStore telling = new AggregateStore(mongo, new OutboxSignal(), outbox, publisher, null);
    BulkInserts told =
        new BulkInserts(telling, outbox, mongo, new OutboxSignal(), Clock.systemUTC());

    told.insertAll(List.of(ledger(), ledger()), l -> List.of(added(l.id, 1, 10)));

    assertThat(statesWhenHeard)
        .as("still being written, so no relay has taken its events yet")
        .containsExactly("WRITING");
    assertThat(relay(Duration.ofMinutes(2)).relayOnce()).as("and then it went out").isEqualTo(2);
  }

  @Test
  void aBatchWhoseWriterDiedGoesOutForTheAggregatesThatWereStoredOnly() throws Exception {
    String stored = "stored-" + UUID.randomUUID();
    String never = "never-" + UUID.randomUUID();
    new OutboxBatches(mongo, Clock.systemUTC())
        .open(
            COLLECTION,
            OutboxBatches.prepare(
                Map.of(stored, List.of(added(stored, 1, 3)), never, List.of(added(never, 1, 4)))));
    mongo.insert(new Document("_id", stored).append("total", 3L).append("version", 0L), COLLECTION);
    // the writer dies here, before inserting the second aggregate and closing the batch
    Thread.sleep(5);

    assertThat(relay(Duration.ofMinutes(2)).relayOnce()).as("not abandoned yet").isZero();
    assertThat(relay(Duration.ZERO).relayOnce()).isEqualTo(1);

    await().atMost(WAIT).until(() -> projection.applied(stored).equals(List.of(1L)));
    await()
        .during(Duration.ofSeconds(1))
        .atMost(WAIT)
        .until(() -> projection.applied(never).isEmpty());
    assertThat(
            mongo.count(
                new Query(Criteria.where(OutboxBatches.IDS).is(stored)), OutboxBatches.EVENTS))
        .isZero();
  }

  @Test
  void aBatchWhoseWriterDiedBeforeStoringItsEventsIsTakenOverAndRemoved() throws Exception {
    String batch = UUID.randomUUID().toString();
    mongo
        .getCollection(OutboxBatches.COLLECTION)
        .insertOne(state(batch, "WRITING", new Date(System.currentTimeMillis() - 1000)));

    assertThat(relay(Duration.ZERO).relayOnce()).isZero();

    assertThat(mongo.findById(batch, Document.class, OutboxBatches.COLLECTION)).isNull();
  }

  @Test
  void aBatchThatHoldsItsEventsItselfAsEarlierVersionsWroteThemStillGoesOut() throws Exception {
    String ledger = "earlier-" + UUID.randomUUID();
    String batch = UUID.randomUUID().toString();
    mongo
        .getCollection(OutboxBatches.COLLECTION)
        .insertOne(
            state(batch, "WRITTEN", new Date())
                .append("failed", List.of())
                .append("items", listed(ledger, 6)));
    storeLedgerOf(batch, ledger, 6);

    assertThat(relay(Duration.ofMinutes(2)).relayOnce()).isEqualTo(1);

    await().atMost(WAIT).until(() -> projection.applied(ledger).equals(List.of(1L)));
    assertThat(mongo.findById(batch, Document.class, OutboxBatches.COLLECTION)).isNull();
  }

  @Test
  void aBatchWhoseEventsTheLastVersionListedUnpackedStillGoesOut() throws Exception {
    String ledger = "listed-" + UUID.randomUUID();
    String batch = UUID.randomUUID().toString();
    mongo
        .getCollection(OutboxBatches.COLLECTION)
        .insertOne(state(batch, "WRITTEN", new Date()).append("failed", List.of()));
    mongo
        .getCollection(OutboxBatches.EVENTS)
        .insertOne(new Document("_id", batch).append("items", listed(ledger, 8)));
    storeLedgerOf(batch, ledger, 8);

    assertThat(relay(Duration.ofMinutes(2)).relayOnce()).isEqualTo(1);

    await().atMost(WAIT).until(() -> projection.applied(ledger).equals(List.of(1L)));
    assertThat(mongo.findById(batch, Document.class, OutboxBatches.EVENTS)).isNull();
  }

  /** A ledger's first entry as a batch's item, listed unpacked as earlier versions wrote it. */
  private List<Document> listed(String ledger, int amount) {
    return List.of(
        new Document("id", ledger)
            .append("events", AggregateStore.documents(List.of(added(ledger, 1, amount)))));
  }

  private void storeLedgerOf(String batch, String ledger, long total) {
    mongo.insert(
        new Document("_id", ledger)
            .append("total", total)
            .append("version", 0L)
            .append(OutboxBatches.BATCH_FIELD, batch),
        COLLECTION);
  }

  @Test
  void aWriterThatComesBackAfterItsBatchWasTakenOverPutsTheEventsIntoItsAggregates()
      throws Exception {
    OutboxRelay impatient = relay(Duration.ZERO);
    List<BatchLedger> ledgers = List.of(ledger(), ledger());
    try (TopicProbe probe = TopicProbe.on(LedgerEntryAdded.TOPIC)) {
      bulk.insertAll(
          ledgers,
          l -> List.of(added(l.id, 1, 7)),
          () -> {
            try {
              Thread.sleep(5);
              assertThat(impatient.relayOnce()).isEqualTo(2);
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
          });
      for (BatchLedger ledger : ledgers) {
        assertThat(pending(ledger.id)).as("back in the aggregate's own outbox").hasSize(1);
      }

      assertThat(impatient.relayOnce()).isEqualTo(2);

      String id = ledgers.get(0).id;
      List<ConsumerRecord<String, String>> records =
          probe.pollUntil(r -> r.stream().filter(x -> id.equals(x.key())).count() == 2, WAIT);
      assertThat(records.stream().filter(r -> id.equals(r.key()))).hasSize(2);
    }
    for (BatchLedger ledger : ledgers) {
      await()
          .during(Duration.ofSeconds(1))
          .atMost(WAIT)
          .until(() -> projection.applied(ledger.id).equals(List.of(1L)));
      assertThat(pending(ledger.id)).isEmpty();
    }
  }

  @Test
  void eventsTooLargeForOneBatchAreSplitIntoSeveral() throws Exception {
    String padding = "x".repeat(600_000);
    List<BatchLedger> ledgers =
        List.of(ledger(), ledger(), ledger(), ledger(), ledger(), ledger(), ledger(), ledger());
    bulk.insertAll(
        ledgers,
        l ->
            List.of(
                outbox.entry(
                    LedgerEntryAdded.TOPIC, "LedgerPadded", 1, l.id, Map.of("padding", padding))));

    List<Object> batchIds =
        ledgers.stream()
            .map(l -> mongo.findById(l.id, Document.class, COLLECTION))
            .map(d -> d.get(OutboxBatches.BATCH_FIELD))
            .distinct()
            .toList();
    assertThat(batchIds).hasSize(2);
    try (TopicProbe probe = TopicProbe.on(LedgerEntryAdded.TOPIC)) {
      assertThat(relay(Duration.ofMinutes(2)).relayOnce()).isEqualTo(8);
      List<String> ids = ledgers.stream().map(l -> l.id).toList();
      probe.pollUntil(r -> r.stream().filter(x -> ids.contains(x.key())).count() == 8, WAIT);
    }
    assertThat(mongo.count(new Query(Criteria.where("_id").in(batchIds)), OutboxBatches.COLLECTION))
        .isZero();
    assertThat(mongo.count(new Query(Criteria.where("_id").in(batchIds)), OutboxBatches.EVENTS))
        .isZero();
  }

  /** A batch's state document as a writer stores it. */
  private static Document state(String batch, String state, Date at) {
    return new Document("_id", batch)
        .append("c", COLLECTION)
        .append("state", state)
        .append("at", at);
  }

  private OutboxRelay relay(Duration abandonAfter) {
    MessagingProperties.Relay relay = properties.relay();
    MessagingProperties own =
        new MessagingProperties(
            properties.source(),
            properties.partitions(),
            properties.topics(),
            List.of(COLLECTION),
            new MessagingProperties.Relay(
                relay.pollInterval(),
                relay.lease(),
                relay.sendTimeout(),
                relay.batchSize(),
                relay.sweepInterval(),
                abandonAfter),
            properties.consumer());
    return new OutboxRelay(mongo, kafka, own, new OutboxSignal(), Clock.systemUTC());
  }

  private Document eventsOf(String ledgerId) {
    return mongo.findOne(
        new Query(Criteria.where(OutboxBatches.IDS).is(ledgerId)),
        Document.class,
        OutboxBatches.EVENTS);
  }

  private List<Document> pending(String id) {
    List<Document> outbox =
        mongo
            .findById(id, Document.class, COLLECTION)
            .getList(AggregateStore.OUTBOX, Document.class);
    return outbox == null ? List.of() : outbox;
  }

  private OutboxEntry added(String id, long sequence, int amount) {
    return outbox.entry(
        LedgerEntryAdded.TOPIC,
        LedgerEntryAdded.TYPE,
        1,
        id,
        new LedgerEntryAdded(id, sequence, amount));
  }

  private static long sequenceOf(ConsumerRecord<String, String> record) {
    return JsonMapper.builder()
        .build()
        .readTree(record.value())
        .get("data")
        .get("sequence")
        .asLong();
  }

  private static BatchLedger ledger() {
    BatchLedger ledger = new BatchLedger();
    ledger.id = "batch-" + UUID.randomUUID();
    return ledger;
  }

  @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
  static class BatchLedger {
    @Id String id;
    long total;
    @Version Long version;
  }
}
