package org.infointerview.messaging.outbox;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * The bulk path for many new aggregates at once (an import's thousands of rows), kept apart from
 * {@link AggregateStore}'s one-at-a-time writes that every feature uses. Each document is still
 * written whole or not at all; the events of a whole bulk write wait in one batch document ({@link
 * OutboxBatches}) instead of in each aggregate, so inserting them costs one write more, not one per
 * aggregate. Later changes of these aggregates go through {@link AggregateStore#update(Changed)}.
 */
public class BulkInserts {

  private final AggregateStore store;
  private final Outbox outbox;
  private final MongoTemplate mongo;
  private final OutboxSignal signal;
  private final OutboxHints hints;
  private final OutboxBatches batches;
  private final Map<Class<?>, DocumentWriter<?>> writers = new HashMap<>();

  BulkInserts(
      AggregateStore store, Outbox outbox, MongoTemplate mongo, OutboxSignal signal, Clock clock) {
    this(store, outbox, mongo, signal, clock, List.of());
  }

  BulkInserts(
      AggregateStore store,
      Outbox outbox,
      MongoTemplate mongo,
      OutboxSignal signal,
      Clock clock,
      List<DocumentWriter<?>> writers) {
    writers.forEach(writer -> this.writers.put(writer.type(), writer));
    this.store = store;
    this.outbox = outbox;
    this.mongo = mongo;
    this.signal = signal;
    this.hints = new OutboxHints(mongo);
    this.batches = new OutboxBatches(mongo, clock);
  }

  /**
   * Inserts new aggregates, each with the facts of its creation, in unordered bulk writes. Versions
   * become 0.
   *
   * @throws org.springframework.dao.DuplicateKeyException when an id or unique key is taken; the
   *     other documents are written
   */
  public <T> void insertAll(List<Changed<T>> created) {
    insertAll(prepare(created));
  }

  /**
   * New aggregates turned into what {@link #insertAll(Inserts)} sends (their documents as BSON,
   * their events packed into a batch with an id of its own), without touching the store: a caller
   * that writes batch after batch prepares the next one while the store still writes the one
   * before, and the thread that writes it then only waits for the store.
   */
  public <T> Inserts prepare(List<Changed<T>> created) {
    return prepare(
        created.stream().map(Changed::state).toList(),
        aggregate -> List.of(),
        created.stream().map(c -> c.events().stream().map(outbox::entry).toList()).toList());
  }

  /** Inserts aggregates with events already made entries (events outside the catalogue). */
  <T> void insertAll(List<T> aggregates, Function<T, List<OutboxEntry>> eventsOf) {
    insertAll(prepare(aggregates, eventsOf, null));
  }

  /** As {@link #insertAll(List, Function)}, running {@code afterInsert} before the batch closes. */
  <T> void insertAll(
      List<T> aggregates, Function<T, List<OutboxEntry>> eventsOf, Runnable afterInsert) {
    insertAll(prepare(aggregates, eventsOf, null), afterInsert);
  }

  private <T> Inserts prepare(
      List<T> aggregates,
      Function<T, List<OutboxEntry>> eventsOf,
      @Nullable List<List<OutboxEntry>> entries) {
    List<Part> parts = new ArrayList<>();
    List<T> part = new ArrayList<>();
    List<List<OutboxEntry>> partEvents = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < aggregates.size(); i++) {
      T aggregate = aggregates.get(i);
      List<OutboxEntry> events = entries != null ? entries.get(i) : eventsOf.apply(aggregate);
      long size = events.stream().mapToLong(e -> e.envelope().length()).sum();
      if (!part.isEmpty() && bytes + size > OutboxBatches.MAX_BYTES) {
        parts.add(part(part, partEvents));
        part = new ArrayList<>();
        partEvents = new ArrayList<>();
        bytes = 0;
      }
      part.add(aggregate);
      partEvents.add(events);
      bytes += size;
    }
    if (!part.isEmpty()) {
      parts.add(part(part, partEvents));
    }
    return new Inserts(parts);
  }

  /**
   * Writes what {@link #prepare} made, once: in one unordered bulk write per part (as {@link
   * #insertAll(List)}).
   *
   * @throws org.springframework.dao.DuplicateKeyException when an id or unique key is taken; the
   *     other documents are written
   */
  public void insertAll(Inserts inserts) {
    insertAll(inserts, () -> {});
  }

  private void insertAll(Inserts inserts, Runnable afterInsert) {
    DuplicateKeyException taken = null;
    for (Part part : inserts.parts) {
      taken = firstOf(taken, insertPart(part, afterInsert));
    }
    if (taken != null) {
      throw taken;
    }
  }

  /** New aggregates as documents with their events, ready to be inserted once. */
  public static final class Inserts {
    private final List<Part> parts;

    private Inserts(List<Part> parts) {
      this.parts = parts;
    }
  }

  /** Aggregates of one type whose events fit in one batch, and their documents. */
  private record Part(
      MongoPersistentEntity<?> entity,
      List<?> aggregates,
      List<Document> documents,
      Map<Object, List<OutboxEntry>> eventsById,
      OutboxBatches.@Nullable Prepared batch,
      @Nullable List<RawBsonDocument> plain) {}

  private <T> Part part(List<T> aggregates, List<List<OutboxEntry>> eventsOf) {
    MongoPersistentEntity<?> entity = store.entityOf(aggregates.get(0));
    // Their later changes carry events in their own documents: the relay must read them.
    store.requireRelayed(entity, eventsOf.stream().flatMap(List::stream).toList());
    MongoPersistentProperty version = entity.getVersionProperty();
    @SuppressWarnings("unchecked")
    DocumentWriter<T> writer = (DocumentWriter<T>) writers.get(aggregates.get(0).getClass());
    List<Document> documents = new ArrayList<>(aggregates.size());
    Map<Object, List<OutboxEntry>> eventsById = new LinkedHashMap<>();
    for (int i = 0; i < aggregates.size(); i++) {
      T aggregate = aggregates.get(i);
      AggregateStore.identifierOf(entity, aggregate);
      Document document;
      if (writer != null) {
        document = writer.write(aggregate);
      } else {
        document = new Document();
        mongo.getConverter().write(aggregate, document);
      }
      if (version != null) {
        document.put(version.getFieldName(), 0L);
      }
      document.put(AggregateStore.OUTBOX, List.of());
      if (!eventsOf.get(i).isEmpty()) {
        eventsById.put(document.get("_id"), eventsOf.get(i));
      }
      documents.add(document);
    }
    // each document names its batch before it is encoded
    OutboxBatches.Prepared batch = eventsById.isEmpty() ? null : OutboxBatches.prepare(eventsById);
    if (batch != null) {
      documents.forEach(
          d -> {
            if (eventsById.containsKey(d.get("_id"))) {
              d.put(OutboxBatches.BATCH_FIELD, batch.id());
            }
          });
    }
    return new Part(
        entity, List.copyOf(aggregates), documents, eventsById, batch, plain(documents));
  }

  private static @Nullable DuplicateKeyException firstOf(
      @Nullable DuplicateKeyException first, @Nullable DuplicateKeyException next) {
    return first != null ? first : next;
  }

  /** One batch: its events, the documents, then the batch closed; taken keys are returned. */
  private @Nullable DuplicateKeyException insertPart(Part part, Runnable afterInsert) {
    MongoPersistentEntity<?> entity = part.entity();
    List<Document> documents = part.documents();
    Map<Object, List<OutboxEntry>> eventsById = new LinkedHashMap<>(part.eventsById());
    OutboxBatches.Prepared prepared = part.batch();
    String batch = prepared == null ? null : prepared.id();
    if (prepared != null) {
      batches.open(entity.getCollection(), prepared);
    }
    Set<Object> failed = new HashSet<>();
    MongoBulkWriteException refused = null;
    try {
      List<RawBsonDocument> plain = part.plain();
      if (plain != null) {
        mongo
            .getCollection(entity.getCollection())
            .withDocumentClass(RawBsonDocument.class)
            .insertMany(plain, new InsertManyOptions().ordered(false));
      } else {
        mongo
            .getCollection(entity.getCollection())
            .insertMany(documents, new InsertManyOptions().ordered(false));
      }
    } catch (MongoBulkWriteException e) {
      refused = e;
      e.getWriteErrors().forEach(error -> failed.add(documents.get(error.getIndex()).get("_id")));
    }
    afterInsert.run();
    // Told before the batch closes, since the relay publishes a batch only once it is closed: this
    // instance's read models know of the write before any event of it comes back to them (a search
    // index that heard of a contact it had not indexed yet looked it up, refreshing its readers).
    store.said(
        refused == null
            ? new AggregatesWritten(entity.getType(), part.aggregates(), List.of())
            : new AggregatesWritten(
                entity.getType(), List.of(), documents.stream().map(d -> d.get("_id")).toList()));
    if (batch != null && !batches.close(batch, failed)) {
      // A relay took the batch for abandoned meanwhile: the events go the one-by-one way.
      eventsById.keySet().removeAll(failed);
      embed(entity.getCollection(), eventsById);
    }
    signal.wakeUp();
    if (refused == null) {
      return null;
    }
    if (refused.getWriteErrors().stream().allMatch(error -> error.getCode() == 11000)) {
      return new DuplicateKeyException(
          failed.size() + " of " + documents.size() + " documents have a taken key", refused);
    }
    throw refused;
  }

  /** The documents as BSON ({@link PlainBson}), or null when any holds a value of another kind. */
  private static @Nullable List<RawBsonDocument> plain(List<Document> documents) {
    List<RawBsonDocument> plain = new ArrayList<>(documents.size());
    for (Document document : documents) {
      RawBsonDocument bson = PlainBson.encode(document);
      if (bson == null) {
        return null;
      }
      plain.add(bson);
    }
    return plain;
  }

  /** Puts events into their stored aggregates' own outboxes. */
  private void embed(String collection, Map<Object, List<OutboxEntry>> eventsById) {
    if (eventsById.isEmpty()) {
      return;
    }
    List<UpdateOneModel<Document>> pushes = new ArrayList<>();
    eventsById.forEach(
        (id, events) ->
            pushes.add(
                new UpdateOneModel<>(
                    // not into an aggregate erased meanwhile: its creation must not come back
                    new Document("_id", id)
                        .append(
                            AggregateStore.OUTBOX + "." + OutboxEntry.FORGETS,
                            new Document("$ne", true)),
                    new Document(
                            "$push",
                            new Document(
                                AggregateStore.OUTBOX,
                                new Document("$each", AggregateStore.documents(events))))
                        .append("$unset", new Document(OutboxBatches.BATCH_FIELD, "")))));
    mongo.getCollection(collection).bulkWrite(pushes, new BulkWriteOptions().ordered(false));
    hints.touch(collection, List.copyOf(eventsById.keySet()));
  }
}
