package org.infointerview.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.infointerview.messaging.MessagingProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes pending outbox events on a thread of its own. Each round it claims documents that have
 * pending events with an atomic findAndModify that sets a lease, so several instances of a service
 * share the work and never publish one aggregate's events at the same time; it sends each
 * document's events in order (key = aggregate id, one partition per aggregate), waits for the
 * broker's acknowledgements, then removes exactly the published entries. Events appended meanwhile
 * stay for the next round. A relay that dies after the broker's ack and before the removal leaves
 * its claim to expire, and the events go out again: delivery is at least once and consumers
 * deduplicate.
 */
class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final MongoTemplate mongo;
  private final KafkaTemplate<String, String> kafka;
  private final MessagingProperties properties;
  private final OutboxSignal signal;
  private final Clock clock;
  private final String owner = "relay-" + UUID.randomUUID();
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
  }

  @Override
  public void start() {
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

  /** One round over every outbox collection; returns how many events were published. */
  int relayOnce() throws InterruptedException {
    int published = 0;
    for (String collection : properties.outboxCollections()) {
      List<Claim> claims = claim(collection, properties.relay().batchSize());
      if (!claims.isEmpty()) {
        published += publishAndMark(claims);
      }
    }
    return published;
  }

  /** Claims up to {@code limit} documents with pending events whose lease is free or expired. */
  List<Claim> claim(String collection, int limit) {
    List<Claim> claims = new ArrayList<>();
    while (claims.size() < limit) {
      Date now = Date.from(clock.instant());
      Query claimable =
          new Query(
              new Criteria()
                  .andOperator(
                      Criteria.where(AggregateStore.OUTBOX + ".0").exists(true),
                      new Criteria()
                          .orOperator(
                              Criteria.where(AggregateStore.LEASE).exists(false),
                              Criteria.where(AggregateStore.LEASE + ".until").lt(now))));
      claimable.fields().include(AggregateStore.OUTBOX);
      Update lease =
          new Update()
              .set(
                  AggregateStore.LEASE,
                  new Document("owner", owner)
                      .append(
                          "until", Date.from(clock.instant().plus(properties.relay().lease()))));
      Document claimed =
          mongo.findAndModify(
              claimable,
              lease,
              FindAndModifyOptions.options().returnNew(true),
              Document.class,
              collection);
      if (claimed == null) {
        break;
      }
      List<OutboxEntry> entries =
          claimed.getList(AggregateStore.OUTBOX, Document.class).stream()
              .map(AggregateStore::entry)
              .toList();
      claims.add(new Claim(collection, claimed.get("_id"), entries));
    }
    return claims;
  }

  /** Sends every claimed document's events, then removes those the broker acknowledged. */
  int publishAndMark(List<Claim> claims) throws InterruptedException {
    List<List<CompletableFuture<SendResult<String, String>>>> sends = new ArrayList<>();
    for (Claim claim : claims) {
      sends.add(publish(claim));
    }
    int published = 0;
    RuntimeException failure = null;
    for (int i = 0; i < claims.size(); i++) {
      Claim claim = claims.get(i);
      try {
        awaitAll(sends.get(i));
        markPublished(claim);
        published += claim.entries().size();
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        release(claim);
        if (failure == null) {
          failure = new IllegalStateException("Publishing outbox events failed", e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return published;
  }

  /** Sends a claimed document's events in their order; does not wait. */
  List<CompletableFuture<SendResult<String, String>>> publish(Claim claim) {
    List<CompletableFuture<SendResult<String, String>>> futures = new ArrayList<>();
    for (OutboxEntry entry : claim.entries()) {
      ProducerRecord<String, String> record =
          new ProducerRecord<>(entry.topic(), entry.key(), entry.envelope());
      record.headers().add(new RecordHeader("ce_type", bytes(entry.type())));
      record.headers().add(new RecordHeader("ce_id", bytes(entry.eventId())));
      futures.add(kafka.send(record));
    }
    return futures;
  }

  /** Removes exactly the claimed entries and frees the document, if the claim is still ours. */
  boolean markPublished(Claim claim) {
    List<String> ids = claim.entries().stream().map(OutboxEntry::eventId).toList();
    Update update =
        new Update()
            .pull(
                AggregateStore.OUTBOX, new Document(OutboxEntry.EVENT_ID, new Document("$in", ids)))
            .unset(AggregateStore.LEASE);
    return mongo.updateFirst(ours(claim), update, claim.collection()).getModifiedCount() == 1;
  }

  private void release(Claim claim) {
    mongo.updateFirst(ours(claim), new Update().unset(AggregateStore.LEASE), claim.collection());
  }

  private Query ours(Claim claim) {
    return new Query(
        Criteria.where("_id").is(claim.id()).and(AggregateStore.LEASE + ".owner").is(owner));
  }

  private void awaitAll(List<CompletableFuture<SendResult<String, String>>> futures)
      throws ExecutionException, TimeoutException, InterruptedException {
    Duration timeout = properties.relay().sendTimeout();
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static byte[] bytes(String value) {
    return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A document this relay holds the lease on, with the events it had when claimed. */
  record Claim(String collection, Object id, List<OutboxEntry> entries) {}
}
