package org.infointerview.messaging.outbox;

import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.infointerview.events.IntegrationEvent;
import org.infointerview.messaging.store.GuardIndexes;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

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
  private final Outbox outbox;
  private final OutboxBatches batches;
  private final ApplicationEventPublisher publisher;
  private final @Nullable Set<String> relayed;

  /** A store for tests: events named by the catalogue, from source {@code /test}. */
  AggregateStore(MongoTemplate mongo, OutboxSignal signal) {
    this(
        mongo,
        signal,
        new Outbox("/test", JsonMapper.builder().build(), Clock.systemUTC()),
        written -> {},
        null);
  }

  /**
   * @param relayed the collections the relay reads ({@code
   *     infointerview.messaging.outbox-collections}); events for any other are refused before
   *     anything is written, since nothing would ever publish them. Null: not checked.
   */
  AggregateStore(
      MongoTemplate mongo,
      OutboxSignal signal,
      Outbox outbox,
      ApplicationEventPublisher publisher,
      @Nullable Collection<String> relayed) {
    this.outbox = outbox;
    this.relayed = relayed == null ? null : Set.copyOf(relayed);
    this.mongo = mongo;
    this.signal = signal;
    this.hints = new OutboxHints(mongo);
    this.batches = new OutboxBatches(mongo, Clock.systemUTC());
    this.publisher = publisher;
  }

  /**
   * Inserts a new aggregate with the facts of its creation; its version becomes 0.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the id or a unique key is taken
   */
  public <T> T insert(Changed<T> created) {
    return insert(created.state(), entries(created));
  }

  /**
   * Writes an aggregate's changed state with the facts of the change, if its version is still the
   * one that was read; the version then grows by one. A change that changed nothing writes nothing
   * and gives the aggregate back as it was.
   *
   * @throws OptimisticLockingFailureException when the aggregate changed or vanished since it was
   *     read; nothing is written then
   */
  public <T> T update(Changed<T> change) {
    if (!change.changed()) {
      return change.state();
    }
    return update(change.state(), entries(change), change.forgetsUnsent());
  }

  private List<OutboxEntry> entries(Changed<?> change) {
    return change.events().stream().map(outbox::entry).toList();
  }

  /**
   * Inserts a new aggregate with events already made entries: for events outside the catalogue;
   * features use {@link #insert(Changed)}.
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
   * As {@link #update(Changed)}, with events already made entries: for events outside the
   * catalogue. Writes an aggregate's changed state and appends its events, if its version is still
   * the one that was read; the version then grows by one.
   *
   * @throws OptimisticLockingFailureException when the aggregate changed or vanished since it was
   *     read; nothing is written then
   */
  public <T> T update(T aggregate, List<OutboxEntry> events) {
    return update(aggregate, events, false);
  }

  /**
   * @param forgetUnsent the events still waiting, in the aggregate's outbox and in the batch of its
   *     creation, are dropped: only {@code events} stay to be sent
   */
  private <T> T update(T aggregate, List<OutboxEntry> events, boolean forgetUnsent) {
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
    if (forgetUnsent) {
      // Replaced, not pulled by id: a relay sending the old events at this moment holds the
      // document's lease, so these wait for it, and its removal by event id leaves them be.
      List<Document> erasure = documents(events);
      erasure.forEach(entry -> entry.append(OutboxEntry.FORGETS, true));
      update.set(OUTBOX, erasure);
    } else if (!events.isEmpty()) {
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
    String batch = updated.getString(OutboxBatches.BATCH_FIELD);
    if (forgetUnsent && batch != null) {
      // After the write: a writer that dies in between leaves the creation's event to go out, as
      // every creation's does, and the erasure's after it.
      batches.drop(batch, updated.get("_id"));
    }
    hint(entity.getCollection(), List.of(updated.get("_id")), events);
    T written = read(aggregate, updated);
    said(new AggregatesWritten(written.getClass(), List.of(written), List.of()));
    return written;
  }

  /**
   * Applies a partial update to one document and appends events to it, in one write, if the
   * document matches the guard: for documents whose changes are single field updates (counters,
   * status) rather than whole new states.
   *
   * @return whether the document matched and was written
   */
  public boolean apply(
      Class<?> type,
      Object id,
      Criteria guard,
      Update update,
      List<? extends IntegrationEvent> facts) {
    MongoPersistentEntity<?> entity =
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
    List<OutboxEntry> events = facts.stream().map(outbox::entry).toList();
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
  void requireRelayed(MongoPersistentEntity<?> entity, List<OutboxEntry> events) {
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
  void said(AggregatesWritten written) {
    try {
      publisher.publishEvent(written);
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(AggregateStore.class)
          .warn("A read model could not take in a write of {}", written.type().getSimpleName(), e);
    }
  }

  /**
   * Makes the index of the outbox hints and of the version-guarded update for every versioned
   * aggregate the relay reads, before the service takes requests or events ({@link GuardIndexes}
   * says why not on the first write). Called when the store is made; an aggregate the mapping
   * context learns of later gets its index on its first update.
   */
  void prepareIndexes() {
    hints.ensureIndexes();
    for (MongoPersistentEntity<?> entity :
        mongo.getConverter().getMappingContext().getPersistentEntities()) {
      MongoPersistentProperty version = entity.getVersionProperty();
      if (version != null && (relayed == null || relayed.contains(entity.getCollection()))) {
        ensureVersionIndex(entity.getCollection(), version.getFieldName());
      }
    }
  }

  private void ensureVersionIndex(String collection, String versionField) {
    GuardIndexes.ensure(mongo, collection, versionField, "_id_version");
  }

  private void hint(String collection, List<Object> ids, List<OutboxEntry> events) {
    if (!events.isEmpty()) {
      hints.touch(collection, ids);
      signal.wakeUp();
    }
  }

  MongoPersistentEntity<?> entityOf(Object aggregate) {
    return mongo
        .getConverter()
        .getMappingContext()
        .getRequiredPersistentEntity(aggregate.getClass());
  }

  static Object identifierOf(MongoPersistentEntity<?> entity, Object aggregate) {
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
            e -> {
              Document document =
                  new Document(OutboxEntry.EVENT_ID, e.eventId())
                      .append(OutboxEntry.TOPIC, e.topic())
                      .append(OutboxEntry.KEY, e.key())
                      .append(OutboxEntry.TYPE, e.type())
                      .append(OutboxEntry.ENVELOPE, e.envelope())
                      .append(OutboxEntry.OCCURRED_AT, Date.from(e.occurredAt()));
              if (e.traceparent() != null) {
                document.append(OutboxEntry.TRACEPARENT, e.traceparent());
              }
              if (e.writer() != null) {
                document.append(OutboxEntry.WRITER, e.writer());
              }
              return document;
            })
        .toList();
  }

  static OutboxEntry entry(Document document) {
    return new OutboxEntry(
        document.getString(OutboxEntry.EVENT_ID),
        document.getString(OutboxEntry.TOPIC),
        document.getString(OutboxEntry.KEY),
        document.getString(OutboxEntry.TYPE),
        document.getString(OutboxEntry.ENVELOPE),
        document.getDate(OutboxEntry.OCCURRED_AT).toInstant(),
        document.getString(OutboxEntry.TRACEPARENT),
        document.getString(OutboxEntry.WRITER));
  }
}
