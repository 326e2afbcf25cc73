package org.infointerview.messaging.outbox;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.infointerview.events.EventHeaders;
import org.infointerview.messaging.MessagingProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes pending outbox events on a thread of its own. Each round it takes the documents the
 * outbox hints name (and now and then sweeps whole collections for events whose hint was lost),
 * leases each in {@code outbox_leases} (an insert that only one instance wins, or the takeover of
 * an expired lease), so several instances of a service share the work and never publish one
 * aggregate's events at the same time; it sends each document's events in order (key = aggregate
 * id, one partition per aggregate), waits for the broker's acknowledgements, then removes exactly
 * the published entries. Events appended meanwhile stay for the next round. A relay that dies after
 * the broker's ack and before the removal leaves its lease to expire, and the events go out again:
 * delivery is at least once and consumers deduplicate.
 */
class OutboxRelay implements SmartLifecycle {

  /** Which relay holds which document, and until when. */
  static final String LEASES = "outbox_leases";

  private static final int BATCHES_PER_ROUND = 4;

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final MongoTemplate mongo;
  private final KafkaTemplate<String, String> kafka;
  private final MessagingProperties properties;
  private final OutboxSignal signal;
  private final Clock clock;
  private final String owner = "relay-" + UUID.randomUUID();
  private final OutboxHints hints;
  private final OutboxBatches batches;
  private Instant lastSweep = Instant.EPOCH;
  private volatile boolean running;
  private @Nullable Thread thread;

  OutboxRelay(
      MongoTemplate mongo,
      KafkaTemplate<String, String> kafka,
      MessagingProperties properties,
      OutboxSignal signal,
      Clock clock) {
    this.mongo = mongo;
    this.kafka = kafka;
    this.properties = properties;
    this.signal = signal;
    this.clock = clock;
    this.hints = new OutboxHints(mongo);
    this.batches = new OutboxBatches(mongo, clock);
  }

  @Override
  public void start() {
    mongo
        .getCollection(LEASES)
        .createIndex(
            new Document("_id", 1).append("owner", 1),
            new IndexOptions().unique(true).name("_id_owner"));
    running = true;
    Thread relay = new Thread(this::run, "outbox-relay");
    relay.setDaemon(true);
    relay.start();
    thread = relay;
  }

  @Override
  public void stop() {
    running = false;
    Thread relay = thread;
    if (relay != null) {
      relay.interrupt();
      try {
        relay.join(TimeUnit.SECONDS.toMillis(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      try {
        if (relayOnce() == 0) {
          signal.await(properties.relay().pollInterval());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Outbox relay round failed; retrying in {}", properties.relay().pollInterval(), e);
        try {
          signal.await(properties.relay().pollInterval());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * One round: the documents the hints name, and now and then a sweep over every outbox collection
   * for events whose hint was lost; returns how many events were published.
   */
  int relayOnce() throws InterruptedException {
    int published = relayBatches();
    published += relayHinted();
    Instant now = clock.instant();
    if (published == 0 && !now.isBefore(lastSweep.plus(properties.relay().sweepInterval()))) {
      lastSweep = now;
      for (String collection : properties.outboxCollections()) {
        List<Claim> claims = claim(collection, properties.relay().batchSize());
        if (!claims.isEmpty()) {
          published += publishAndMark(claims);
        }
      }
    }
    return published;
  }

  /**
   * The batches of new aggregates that are ready, a few per round; their aggregates' later events
   * wait for them, so they go first.
   */
  int relayBatches() throws InterruptedException {
    int published = 0;
    for (int round = 0; round < BATCHES_PER_ROUND; round++) {
      OutboxBatches.Claimed batch =
          batches.claim(
              properties.outboxCollections(),
              owner,
              properties.relay().lease(),
              properties.relay().abandonAfter());
      if (batch == null) {
        break;
      }
      List<CompletableFuture<SendResult<String, String>>> sends = send(batch.entries());
      try {
        awaitAll(sends);
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        batches.release(batch.id(), owner);
        throw new IllegalStateException("Publishing a batch of outbox events failed", e);
      }
      batches.published(batch.id(), owner);
      published += batch.entries().size();
    }
    return published;
  }

  private int relayHinted() throws InterruptedException {
    List<OutboxHints.Hint> pending =
        hints.pending(properties.outboxCollections(), properties.relay().batchSize());
    if (pending.isEmpty()) {
      return 0;
    }
    Map<String, List<OutboxHints.Hint>> byCollection = new LinkedHashMap<>();
    pending.forEach(
        h -> byCollection.computeIfAbsent(h.collection(), c -> new ArrayList<>()).add(h));
    List<Claim> claims = new ArrayList<>();
    List<OutboxHints.Hint> done = new ArrayList<>();
    for (Map.Entry<String, List<OutboxHints.Hint>> collection : byCollection.entrySet()) {
      List<Object> ids = collection.getValue().stream().map(OutboxHints.Hint::id).toList();
      Set<String> held = new HashSet<>();
      List<Claim> claimed = claimAll(collection.getKey(), ids, held);
      claims.addAll(claimed);
      for (OutboxHints.Hint hint : collection.getValue()) {
        // A hint whose document another relay holds stays until that relay is done.
        if (!held.contains(leaseKey(hint.collection(), hint.id()))) {
          done.add(hint);
        }
      }
    }
    int published = claims.isEmpty() ? 0 : publishAndMark(claims);
    hints.removeAll(done);
    return published;
  }

  /**
   * The sweep: searches a whole collection for documents with pending events and claims up to
   * {@code limit} of them whose lease is free or expired.
   */
  List<Claim> claim(String collection, int limit) {
    Query pending = new Query(Criteria.where(AggregateStore.OUTBOX + ".0").exists(true));
    pending.fields().include("_id");
    List<Object> ids = new ArrayList<>();
    for (Document document : mongo.find(pending.limit(limit), Document.class, collection)) {
      ids.add(document.get("_id"));
    }
    return ids.isEmpty() ? List.of() : claimAll(collection, ids, new HashSet<>());
  }

  /**
   * Takes the leases on many documents at once (one unordered insert: a key another relay holds
   * fails, an expired one is taken over) and reads their pending events in one query. Every filter
   * on a large collection names {@code _id} alone (Embedded-store workaround: it uses an index only
   * for a query on exactly its keys), so no query scans it. The keys others hold are added to
   * {@code held}.
   */
  private List<Claim> claimAll(String collection, List<Object> ids, Set<String> held) {
    Date until = Date.from(clock.instant().plus(properties.relay().lease()));
    List<Document> leases = new ArrayList<>(ids.size());
    for (Object id : ids) {
      leases.add(
          new Document("_id", leaseKey(collection, id))
              .append("owner", owner)
              .append("until", until));
    }
    List<Object> won = new ArrayList<>(ids);
    try {
      mongo.getCollection(LEASES).insertMany(leases, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      Set<Integer> lost = new HashSet<>();
      e.getWriteErrors().forEach(error -> lost.add(error.getIndex()));
      won = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        if (!lost.contains(i) || takeOverExpired(leaseKey(collection, ids.get(i)), until)) {
          won.add(ids.get(i));
        } else {
          held.add(leaseKey(collection, ids.get(i)));
        }
      }
    }
    if (won.isEmpty()) {
      return List.of();
    }
    Map<Object, Claim> claims = new LinkedHashMap<>();
    Map<Object, String> batchOf = new LinkedHashMap<>();
    Query pending = new Query(Criteria.where("_id").in(won));
    pending.fields().include(AggregateStore.OUTBOX).include(OutboxBatches.BATCH_FIELD);
    for (Document document : mongo.find(pending, Document.class, collection)) {
      List<Document> outbox = document.getList(AggregateStore.OUTBOX, Document.class);
      if (outbox != null && !outbox.isEmpty()) {
        claims.put(
            document.get("_id"),
            new Claim(
                collection,
                document.get("_id"),
                outbox.stream().map(AggregateStore::entry).toList()));
        String batch = document.getString(OutboxBatches.BATCH_FIELD);
        if (batch != null) {
          batchOf.put(document.get("_id"), batch);
        }
      }
    }
    // A change of an aggregate whose creation is still in a batch waits for that batch.
    Set<String> waiting = batches.pending(batchOf.values());
    batchOf.forEach(
        (id, batch) -> {
          if (waiting.contains(batch)) {
            claims.remove(id);
            held.add(leaseKey(collection, id));
          }
        });
    List<String> nothingPending = new ArrayList<>();
    for (Object id : won) {
      if (!claims.containsKey(id)) {
        nothingPending.add(leaseKey(collection, id));
      }
    }
    dropLeases(nothingPending);
    return List.copyOf(claims.values());
  }

  private boolean takeOverExpired(String key, Date until) {
    return mongo
            .updateFirst(
                new Query(
                    Criteria.where("_id").is(key).and("until").lt(Date.from(clock.instant()))),
                new Update().set("owner", owner).set("until", until),
                LEASES)
            .getModifiedCount()
        == 1;
  }

  private void dropLeases(List<String> keys) {
    if (!keys.isEmpty()) {
      mongo.remove(new Query(Criteria.where("_id").in(keys).and("owner").is(owner)), LEASES);
    }
  }

  private static String leaseKey(String collection, Object id) {
    return collection + ":" + (id instanceof ObjectId objectId ? objectId.toHexString() : id);
  }

  /** Sends every claimed document's events, then removes those the broker acknowledged. */
  int publishAndMark(List<Claim> claims) throws InterruptedException {
    List<List<CompletableFuture<SendResult<String, String>>>> sends = new ArrayList<>();
    for (Claim claim : claims) {
      sends.add(publish(claim));
    }
    int published = 0;
    RuntimeException failure = null;
    List<Claim> sent = new ArrayList<>();
    List<String> unsent = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      Claim claim = claims.get(i);
      try {
        awaitAll(sends.get(i));
        sent.add(claim);
        published += claim.entries().size();
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        unsent.add(leaseKey(claim.collection(), claim.id()));
        if (failure == null) {
          failure = new IllegalStateException("Publishing outbox events failed", e);
        }
      }
    }
    markPublished(sent);
    dropLeases(unsent);
    if (failure != null) {
      throw failure;
    }
    return published;
  }

  /** Sends a claimed document's events in their order; does not wait. */
  List<CompletableFuture<SendResult<String, String>>> publish(Claim claim) {
    return send(claim.entries());
  }

  private List<CompletableFuture<SendResult<String, String>>> send(List<OutboxEntry> entries) {
    List<CompletableFuture<SendResult<String, String>>> futures = new ArrayList<>();
    for (OutboxEntry entry : entries) {
      ProducerRecord<String, String> record =
          new ProducerRecord<>(entry.topic(), entry.key(), entry.envelope());
      record.headers().add(new RecordHeader(EventHeaders.TYPE, bytes(entry.type())));
      record.headers().add(new RecordHeader(EventHeaders.ID, bytes(entry.eventId())));
      if (entry.traceparent() != null) {
        record
            .headers()
            .add(new RecordHeader(TraceContexts.TRACEPARENT, bytes(entry.traceparent())));
      }
      if (entry.writer() != null) {
        record.headers().add(new RecordHeader(EventHeaders.WRITER, bytes(entry.writer())));
      }
      futures.add(kafka.send(record));
    }
    return futures;
  }

  /** Removes exactly the published entries from their documents, then frees them. */
  void markPublished(List<Claim> claims) {
    Map<String, List<UpdateOneModel<Document>>> pulls = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    for (Claim claim : claims) {
      List<String> ids = claim.entries().stream().map(OutboxEntry::eventId).toList();
      pulls
          .computeIfAbsent(claim.collection(), c -> new ArrayList<>())
          .add(
              new UpdateOneModel<>(
                  new Document("_id", claim.id()),
                  new Document(
                          "$pull",
                          new Document(
                              AggregateStore.OUTBOX,
                              new Document(OutboxEntry.EVENT_ID, new Document("$in", ids))))
                      .append("$unset", new Document(OutboxBatches.BATCH_FIELD, ""))));
      keys.add(leaseKey(claim.collection(), claim.id()));
    }
    pulls.forEach(
        (collection, writes) ->
            mongo
                .getCollection(collection)
                .bulkWrite(writes, new BulkWriteOptions().ordered(false)));
    dropLeases(keys);
  }

  private void awaitAll(List<CompletableFuture<SendResult<String, String>>> futures)
      throws ExecutionException, TimeoutException, InterruptedException {
    Duration timeout = properties.relay().sendTimeout();
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** A document this relay holds the lease on, with the events it had when claimed. */
  record Claim(String collection, Object id, List<OutboxEntry> entries) {}
}
