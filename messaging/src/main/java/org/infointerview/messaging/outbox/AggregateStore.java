package org.infointerview.messaging.outbox;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Stores an aggregate and the events of its change in one single-document write, so both happen or
 * neither does, on the embedded store (no multi-document transactions) and on a replica set alike.
 * The events wait in the document's {@code outbox} array, which the aggregate's own mapping never
 * sees, until the relay publishes them.
 *
 * <p>Aggregates written here carry their id before the first write and a {@code @Version} field for
 * optimistic locking. Write them only through this class: a plain {@code save} would replace the
 * document and drop its pending events.
 */
public class AggregateStore {

  static final String OUTBOX = "outbox";
  private static final Set<String> NOT_STATE = Set.of("_id", OUTBOX, OutboxBatches.BATCH_FIELD);

  private final MongoTemplate mongo;
  private final OutboxSignal signal;
  private final OutboxHints hints;
  private final OutboxBatches batches;
  private final Set<String> versionIndexed = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final ApplicationEventPublisher publisher;
  private final @Nullable Set<String> relayed;

  AggregateStore(MongoTemplate mongo, OutboxSignal signal) {
    this(mongo, signal, written -> {}, Clock.systemUTC(), null);
  }

  /**
   * @param relayed the collections the relay reads ({@code
   *     infointerview.messaging.outbox-collections}); events for any other are refused before
   *     anything is written, since nothing would ever publish them. Null: not checked.
   */
  AggregateStore(
      MongoTemplate mongo,
      OutboxSignal signal,
      ApplicationEventPublisher publisher,
      Clock clock,
      @Nullable Collection<String> relayed) {
    this.relayed = relayed == null ? null : Set.copyOf(relayed);
    this.mongo = mongo;
    this.signal = signal;
    this.hints = new OutboxHints(mongo);
    this.batches = new OutboxBatches(mongo, clock);
    this.publisher = publisher;
  }

  /**
   * Inserts a new aggregate with its events; its version becomes 0.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the id or a unique key is taken
   */
  public <T> T insert(T aggregate, List<OutboxEntry> events) {
    MongoPersistentEntity<?> entity = entityOf(aggregate);
    requireRelayed(entity, events);
    identifierOf(entity, aggregate);
    Document document = new Document();
    mongo.getConverter().write(aggregate, document);
    MongoPersistentProperty version = entity.getVersionProperty();
    if (version != null) {
      document.put(version.getFieldName(), 0L);
    }
    document.put(OUTBOX, documents(events));
    mongo.insert(document, entity.getCollection());
    hint(entity.getCollection(), List.of(document.get("_id")), events);
    T written = read(aggregate, document);
    said(new AggregatesWritten(written.getClass(), List.of(written), List.of()));
    return written;
  }

  /**
   * Writes an aggregate's changed state and appends its events, if its version is still the one
   * that was read; the version then grows by one.
   *
   * @throws OptimisticLockingFailureException when the aggregate changed or vanished since it was
   *     read; nothing is written then
   */
  public <T> T update(T aggregate, List<OutboxEntry> events) {
    MongoPersistentEntity<?> entity = entityOf(aggregate);
    requireRelayed(entity, events);
    Object id = identifierOf(entity, aggregate);
    Document state = new Document();
    mongo.getConverter().write(aggregate, state);

    Update update = new Update();
    Criteria criteria = Criteria.where("_id").is(state.get("_id"));
    MongoPersistentProperty version = entity.getVersionProperty();
    for (MongoPersistentProperty property : entity) {
      String field = property.getFieldName();
      if (property.isIdProperty() || property.isVersionProperty() || NOT_STATE.contains(field)) {
        continue;
      }
      if (state.containsKey(field)) {
        update.set(field, state.get(field));
      } else {
        update.unset(field);
      }
    }
    if (version != null) {
      Object current = entity.getPropertyAccessor(aggregate).getProperty(version);
      criteria = criteria.and(version.getFieldName()).is(current);
      update.inc(version.getFieldName(), 1);
      ensureVersionIndex(entity.getCollection(), version.getFieldName());
    }
    if (!events.isEmpty()) {
      update.push(OUTBOX).each(documents(events).toArray());
    }
    Document updated =
        mongo.findAndModify(
            new Query(criteria),
            update,
            FindAndModifyOptions.options().returnNew(true),
            Document.class,
            entity.getCollection());
    if (updated == null) {
      throw new OptimisticLockingFailureException(
          entity.getType().getSimpleName() + " " + id + " was changed or removed meanwhile");
    }
    hint(entity.getCollection(), List.of(updated.get("_id")), events);
    T written = read(aggregate, updated);
    said(new AggregatesWritten(written.getClass(), List.of(written), List.of()));
    return written;
  }

  /**
   * Inserts many new aggregates, each with its own events, in one unordered bulk write; each
   * document is still written whole or not at all. Versions become 0. The events wait in one batch
   * document ({@link OutboxBatches}) rather than in each aggregate, split so no batch grows past a
   * few megabytes.
   *
   * @throws org.springframework.dao.DuplicateKeyException when an id or unique key is taken; the
   *     other documents are written
   */
  public <T> void insertAll(List<T> aggregates, Function<T, List<OutboxEntry>> eventsOf) {
    insertAll(prepare(aggregates, eventsOf));
  }

  /** As {@link #insertAll(List, Function)}, running {@code afterInsert} before the batch closes. */
  <T> void insertAll(
      List<T> aggregates, Function<T, List<OutboxEntry>> eventsOf, Runnable afterInsert) {
    insertAll(prepare(aggregates, eventsOf), afterInsert);
  }

  /**
   * New aggregates turned into the documents and events {@link #insertAll(Inserts)} writes, without
   * touching the store: a caller that writes batch after batch prepares the next one while the
   * store still writes the one before.
   */
  public <T> Inserts prepare(List<T> aggregates, Function<T, List<OutboxEntry>> eventsOf) {
    List<Part> parts = new ArrayList<>();
    List<T> part = new ArrayList<>();
    List<List<OutboxEntry>> partEvents = new ArrayList<>();
    long bytes = 0;
    for (T aggregate : aggregates) {
      List<OutboxEntry> events = eventsOf.apply(aggregate);
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
   * #insertAll(List, Function)}).
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
      Map<Object, List<OutboxEntry>> eventsById) {}

  private <T> Part part(List<T> aggregates, List<List<OutboxEntry>> eventsOf) {
    MongoPersistentEntity<?> entity = entityOf(aggregates.get(0));
    // Their later changes carry events in their own documents: the relay must read them.
    requireRelayed(entity, eventsOf.stream().flatMap(List::stream).toList());
    MongoPersistentProperty version = entity.getVersionProperty();
    List<Document> documents = new ArrayList<>(aggregates.size());
    Map<Object, List<OutboxEntry>> eventsById = new LinkedHashMap<>();
    for (int i = 0; i < aggregates.size(); i++) {
      T aggregate = aggregates.get(i);
      identifierOf(entity, aggregate);
      Document document = new Document();
      mongo.getConverter().write(aggregate, document);
      if (version != null) {
        document.put(version.getFieldName(), 0L);
      }
      document.put(OUTBOX, List.of());
      if (!eventsOf.get(i).isEmpty()) {
        eventsById.put(document.get("_id"), eventsOf.get(i));
      }
      documents.add(document);
    }
    return new Part(entity, List.copyOf(aggregates), documents, eventsById);
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
    String batch = eventsById.isEmpty() ? null : batches.open(entity.getCollection(), eventsById);
    if (batch != null) {
      documents.forEach(
          d -> {
            if (eventsById.containsKey(d.get("_id"))) {
              d.put(OutboxBatches.BATCH_FIELD, batch);
            }
          });
    }
    Set<Object> failed = new HashSet<>();
    MongoBulkWriteException refused = null;
    try {
      mongo
          .getCollection(entity.getCollection())
          .insertMany(documents, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      refused = e;
      e.getWriteErrors().forEach(error -> failed.add(documents.get(error.getIndex()).get("_id")));
    }
    afterInsert.run();
    if (batch != null && !batches.close(batch, failed)) {
      // A relay took the batch for abandoned meanwhile: the events go the one-by-one way.
      eventsById.keySet().removeAll(failed);
      embed(entity.getCollection(), eventsById);
    }
    signal.wakeUp();
    if (refused == null) {
      said(new AggregatesWritten(entity.getType(), part.aggregates(), List.of()));
      return null;
    }
    said(
        new AggregatesWritten(
            entity.getType(), List.of(), documents.stream().map(d -> d.get("_id")).toList()));
    if (refused.getWriteErrors().stream().allMatch(error -> error.getCode() == 11000)) {
      return new DuplicateKeyException(
          failed.size() + " of " + documents.size() + " documents have a taken key", refused);
    }
    throw refused;
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
                    new Document("_id", id),
                    new Document(
                            "$push", new Document(OUTBOX, new Document("$each", documents(events))))
                        .append("$unset", new Document(OutboxBatches.BATCH_FIELD, "")))));
    mongo.getCollection(collection).bulkWrite(pushes, new BulkWriteOptions().ordered(false));
    hints.touch(collection, List.copyOf(eventsById.keySet()));
  }

  /**
   * Applies a partial update to one document and appends events to it, in one write, if the
   * document matches the guard: for documents whose changes are single field updates (counters,
   * status) rather than whole new states.
   *
   * @return whether the document matched and was written
   */
  public boolean apply(
      Class<?> type, Object id, Criteria guard, Update update, List<OutboxEntry> events) {
    MongoPersistentEntity<?> entity =
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
    requireRelayed(entity, events);
    if (!events.isEmpty()) {
      update.push(OUTBOX).each(documents(events).toArray());
    }
    boolean written =
        mongo
                .updateFirst(
                    new Query(new Criteria().andOperator(Criteria.where("_id").is(id), guard)),
                    update,
                    entity.getCollection())
                .getMatchedCount()
            == 1;
    if (written) {
      Object key = id instanceof String s && ObjectId.isValid(s) ? new ObjectId(s) : id;
      hint(entity.getCollection(), List.of(key), events);
      said(new AggregatesWritten(type, List.of(), List.of(id)));
    }
    return written;
  }

  /**
   * Refuses events for a collection the relay does not read: they would wait in their documents
   * forever, silently. Said on the first such write, with the fix.
   */
  private void requireRelayed(MongoPersistentEntity<?> entity, List<OutboxEntry> events) {
    if (relayed != null && !events.isEmpty() && !relayed.contains(entity.getCollection())) {
      throw new IllegalStateException(
          entity.getType().getSimpleName()
              + " is stored in the collection '"
              + entity.getCollection()
              + "', which infointerview.messaging.outbox-collections does not list, so its events"
              + " would never be published. Add '"
              + entity.getCollection()
              + "' to infointerview.messaging.outbox-collections in application.yml.");
    }
  }

  /** Tells in-process read models; their trouble never undoes or fails the write. */
  private void said(AggregatesWritten written) {
    try {
      publisher.publishEvent(written);
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(AggregateStore.class)
          .warn("A read model could not take in a write of {}", written.type().getSimpleName(), e);
    }
  }

  /**
   * An index on exactly the keys of the version-guarded update ({@code _id} and the version): a
   * replica set finds the document by {@code _id} anyway, the embedded store only through an index
   * with exactly the query's keys; without it each update there would read the whole collection.
   */
  private void ensureVersionIndex(String collection, String versionField) {
    if (versionIndexed.add(collection)) {
      mongo
          .getCollection(collection)
          .createIndex(
              new Document("_id", 1).append(versionField, 1),
              new com.mongodb.client.model.IndexOptions().unique(true).name("_id_version"));
    }
  }

  private void hint(String collection, List<Object> ids, List<OutboxEntry> events) {
    if (!events.isEmpty()) {
      hints.touch(collection, ids);
      signal.wakeUp();
    }
  }

  private MongoPersistentEntity<?> entityOf(Object aggregate) {
    return mongo
        .getConverter()
        .getMappingContext()
        .getRequiredPersistentEntity(aggregate.getClass());
  }

  private static Object identifierOf(MongoPersistentEntity<?> entity, Object aggregate) {
    Object id = entity.getIdentifierAccessor(aggregate).getIdentifier();
    if (id == null) {
      throw new IllegalArgumentException(
          entity.getType().getSimpleName() + " needs its id before it is stored");
    }
    return id;
  }

  @SuppressWarnings("unchecked")
  private <T> T read(T aggregate, Document document) {
    return (T) mongo.getConverter().read(aggregate.getClass(), document);
  }

  static List<Document> documents(List<OutboxEntry> events) {
    return events.stream()
        .map(
            e ->
                new Document(OutboxEntry.EVENT_ID, e.eventId())
                    .append(OutboxEntry.TOPIC, e.topic())
                    .append(OutboxEntry.KEY, e.key())
                    .append(OutboxEntry.TYPE, e.type())
                    .append(OutboxEntry.ENVELOPE, e.envelope())
                    .append(OutboxEntry.OCCURRED_AT, Date.from(e.occurredAt())))
        .toList();
  }

  static OutboxEntry entry(Document document) {
    return new OutboxEntry(
        document.getString(OutboxEntry.EVENT_ID),
        document.getString(OutboxEntry.TOPIC),
        document.getString(OutboxEntry.KEY),
        document.getString(OutboxEntry.TYPE),
        document.getString(OutboxEntry.ENVELOPE),
        document.getDate(OutboxEntry.OCCURRED_AT).toInstant());
  }
}
