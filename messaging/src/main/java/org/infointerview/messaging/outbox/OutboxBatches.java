package org.infointerview.messaging.outbox;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The events of many new aggregates inserted together, kept in one document of {@code
 * outbox_batches} instead of one array per aggregate, so a bulk insert costs the store one extra
 * document and no per-aggregate bookkeeping afterwards (no removal from each aggregate once sent).
 *
 * <p>The writer opens the batch ({@code WRITING}) before it inserts the aggregates, each of which
 * names its batch in {@code outboxBatch}, and closes it ({@code WRITTEN}, with the ids that failed)
 * after. A new aggregate's id is its own, so a closed batch says exactly which events belong to
 * stored aggregates. A batch still {@code WRITING} long after it was opened belongs to a writer
 * that died: the relay takes it over ({@code ABANDONED}) and sends the events of the aggregates
 * that exist. A writer that comes back later finds its batch gone from {@code WRITING} and puts its
 * events into the aggregates' own outboxes instead, so nothing is lost (some may go out twice;
 * delivery is at least once anyway), but for aggregates erased meanwhile ({@link Changed#erasing}):
 * an erasure drops its aggregate's events from a batch not yet taken, and nothing puts them back.
 *
 * <p>Order per aggregate: a later change of an aggregate waits in its own outbox until the batch
 * naming it has gone out, so its creation is always published first.
 *
 * <p>A batch is two documents with the same id: its small, changing state in {@value #COLLECTION}
 * (opened, closed, claimed, released), and its events in {@value #EVENTS}, written once, read once
 * and deleted; there they are packed into one binary field beside the aggregates' ids. A store
 * rewrites a whole document on every change, and the events of 500 new aggregates are hundreds of
 * kilobytes.
 */
class OutboxBatches {

  static final String COLLECTION = "outbox_batches";

  /** The events of each batch, by the batch's id. */
  static final String EVENTS = "outbox_batch_events";

  /** The field of an aggregate naming the batch that holds its creation's events. */
  static final String BATCH_FIELD = "outboxBatch";

  /** In a batch's events: the ids of its aggregates, and their events packed ({@link #items}). */
  static final String IDS = "ids";

  /** In a batch's state: the aggregates erased before it went out, whose events it drops. */
  static final String DROPPED = "dropped";

  private static final String PACKED = "packed";
  private static final String ITEMS = "items";
  private static final DocumentCodec CODEC = new DocumentCodec();

  /** Envelope bytes per batch document, far below MongoDB's 16 MB document limit. */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  private static final String WRITING = "WRITING";
  private static final String WRITTEN = "WRITTEN";
  private static final String ABANDONED = "ABANDONED";

  private final MongoTemplate mongo;
  private final Clock clock;

  OutboxBatches(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** A batch's id and its events packed, before anything is stored. */
  record Prepared(String id, List<Object> ids, byte[] packed) {}

  /** Packs the events of aggregates about to be inserted into a batch with an id of its own. */
  static Prepared prepare(Map<Object, List<OutboxEntry>> eventsById) {
    List<Document> items = new ArrayList<>(eventsById.size());
    eventsById.forEach(
        (aggregate, events) ->
            items.add(
                new Document("id", aggregate).append("events", AggregateStore.documents(events))));
    return new Prepared(
        UUID.randomUUID().toString(),
        List.copyOf(eventsById.keySet()),
        pack(new Document(ITEMS, items)));
  }

  /** Stores a prepared batch, before its aggregates are inserted. */
  void open(String collection, Prepared batch) {
    // The state first: a writer that dies before its events are stored leaves a batch that the
    // relay takes over and finds empty, as are the aggregates, which were never inserted.
    mongo
        .getCollection(COLLECTION)
        .insertOne(
            new Document("_id", batch.id())
                .append("c", collection)
                .append("state", WRITING)
                .append("at", Date.from(clock.instant())));
    mongo
        .getCollection(EVENTS)
        .insertOne(
            new Document("_id", batch.id())
                .append(IDS, batch.ids())
                .append(PACKED, new Binary(batch.packed())));
  }

  /**
   * The events of a batch as its document holds them: packed (one BSON binary the store keeps as
   * bytes, not as thousands of fields it would decode, size, serialize and read back one by one:
   * most of the store's extra work per imported row), or as a list, as earlier versions wrote it.
   */
  static List<Document> items(Document events) {
    Binary packed = events.get(PACKED, Binary.class);
    if (packed == null) {
      return events.getList(ITEMS, Document.class, List.of());
    }
    Document unpacked =
        CODEC.decode(
            new BsonBinaryReader(ByteBuffer.wrap(packed.getData())),
            DecoderContext.builder().build());
    return unpacked.getList(ITEMS, Document.class);
  }

  private static byte[] pack(Document document) {
    BasicOutputBuffer out = new StringsAtOnce();
    CODEC.encode(new BsonBinaryWriter(out), document, EncoderContext.builder().build());
    return out.toByteArray();
  }

  /**
   * BSON out, its strings (the envelopes, hundreds of kilobytes a batch) encoded whole by the JDK
   * instead of a byte at a time through three calls each, as the BSON library's buffer does: that
   * was a third of contacts-service's CPU during an import. A string holding a surrogate (a broken
   * one would be encoded differently) and every field name (checked for null characters) still go
   * the library's way.
   */
  static final class StringsAtOnce extends BasicOutputBuffer {

    StringsAtOnce() {
      this(64 * 1024);
    }

    StringsAtOnce(int initialSize) {
      super(initialSize);
    }

    @Override
    protected int writeCharacters(String text, boolean checkForNullCharacters) {
      if (checkForNullCharacters) {
        return super.writeCharacters(text, true);
      }
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      // As many bytes as characters and no '?' (what the JDK writes for a broken surrogate): all
      // ASCII, no surrogate to look for.
      if ((utf8.length != text.length() || holdsQuestionMark(utf8)) && hasSurrogate(text)) {
        return super.writeCharacters(text, false);
      }
      writeBytes(utf8, 0, utf8.length);
      writeByte(0);
      return utf8.length + 1;
    }

    private static boolean holdsQuestionMark(byte[] utf8) {
      for (byte b : utf8) {
        if (b == '?') {
          return true;
        }
      }
      return false;
    }

    private static boolean hasSurrogate(String text) {
      for (int i = 0; i < text.length(); i++) {
        if (Character.isSurrogate(text.charAt(i))) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Marks the batch written, naming the aggregates whose insert failed.
   *
   * @return false when a relay took the batch over meanwhile: the caller must then put the events
   *     into the aggregates it stored itself
   */
  boolean close(String batch, Collection<Object> failed) {
    return mongo
            .getCollection(COLLECTION)
            .updateOne(
                Filters.and(Filters.eq("_id", batch), Filters.eq("state", WRITING)),
                Updates.combine(
                    Updates.set("state", WRITTEN), Updates.set("failed", List.copyOf(failed))))
            .getModifiedCount()
        == 1;
  }

  /**
   * Drops an erased aggregate's events from a batch that has not gone out: the relay that claims it
   * later leaves them out. Nothing happens when the batch is gone (its events are out) or a relay
   * holds it now (they go out, before the erasure's own, which wait for the batch).
   */
  void drop(String batch, Object aggregate) {
    mongo
        .getCollection(COLLECTION)
        .updateOne(Filters.eq("_id", batch), Updates.addToSet(DROPPED, aggregate));
  }

  /** A batch this relay holds, with the events of the aggregates that exist, in their order. */
  record Claimed(String id, List<OutboxEntry> entries) {}

  /**
   * Takes the lease on one batch that is ready: written, or abandoned by its writer for longer than
   * {@code abandonAfter}, or held by a relay whose lease ran out.
   */
  @Nullable Claimed claim(
      List<String> collections, String owner, Duration lease, Duration abandonAfter) {
    Instant now = clock.instant();
    Bson free = Filters.or(Filters.eq("until", null), Filters.lt("until", Date.from(now)));
    Bson taken =
        Updates.combine(
            Updates.set("owner", owner), Updates.set("until", Date.from(now.plus(lease))));
    FindOneAndUpdateOptions returnNew =
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
    Document batch =
        mongo
            .getCollection(COLLECTION)
            .findOneAndUpdate(
                Filters.and(
                    Filters.in("c", collections), Filters.in("state", WRITTEN, ABANDONED), free),
                taken,
                returnNew);
    if (batch == null) {
      batch =
          mongo
              .getCollection(COLLECTION)
              .findOneAndUpdate(
                  Filters.and(
                      Filters.in("c", collections),
                      Filters.eq("state", WRITING),
                      Filters.lt("at", Date.from(now.minus(abandonAfter))),
                      free),
                  Updates.combine(taken, Updates.set("state", ABANDONED)),
                  returnNew);
    }
    return batch == null ? null : claimed(batch);
  }

  private Claimed claimed(Document batch) {
    Document events = mongo.getCollection(EVENTS).find(Filters.eq("_id", batch.get("_id"))).first();
    // A batch written before the events had a document of their own holds them itself.
    List<Document> items = items(events != null ? events : batch);
    Set<Object> stored = new HashSet<>();
    if (WRITTEN.equals(batch.getString("state"))) {
      items.forEach(item -> stored.add(item.get("id")));
      stored.removeAll(batch.getList("failed", Object.class, List.of()));
    } else {
      List<Object> ids = items.stream().map(item -> item.get("id")).toList();
      mongo
          .getCollection(batch.getString("c"))
          .find(Filters.in("_id", ids))
          .projection(Projections.include("_id"))
          .forEach(document -> stored.add(document.get("_id")));
    }
    batch.getList(DROPPED, Object.class, List.of()).forEach(stored::remove);
    List<OutboxEntry> entries = new ArrayList<>();
    for (Document item : items) {
      if (stored.contains(item.get("id"))) {
        item.getList("events", Document.class).forEach(e -> entries.add(AggregateStore.entry(e)));
      }
    }
    return new Claimed(batch.getString("_id"), entries);
  }

  /**
   * Removes a batch whose events the broker acknowledged: its events first, so a relay that dies in
   * between leaves a state that the next relay takes over, finds empty and removes.
   */
  void published(String batch, String owner) {
    mongo.getCollection(EVENTS).deleteOne(Filters.eq("_id", batch));
    mongo
        .getCollection(COLLECTION)
        .deleteOne(Filters.and(Filters.eq("_id", batch), Filters.eq("owner", owner)));
  }

  /** Gives a batch back after its events could not be sent, for the next round. */
  void release(String batch, String owner) {
    mongo
        .getCollection(COLLECTION)
        .updateOne(
            Filters.and(Filters.eq("_id", batch), Filters.eq("owner", owner)),
            Updates.set("until", null));
  }

  /** Which of these batches are still waiting to go out. */
  Set<String> pending(Collection<String> batches) {
    Set<String> pending = new HashSet<>();
    if (!batches.isEmpty()) {
      mongo
          .getCollection(COLLECTION)
          .find(Filters.in("_id", batches))
          .projection(Projections.include("_id"))
          .forEach(document -> pending.add(document.getString("_id")));
    }
    return pending;
  }
}
