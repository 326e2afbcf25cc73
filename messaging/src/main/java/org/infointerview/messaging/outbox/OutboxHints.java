package org.infointerview.messaging.outbox;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.infointerview.messaging.store.GuardIndexes;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Where pending events wait (Embedded-store workaround: no change streams, and no cheap query for
 * documents with pending events). After a document gets events, a small hint naming it is upserted
 * into {@code outbox_pending}, so the relay reads the few documents that have something to publish
 * instead of searching whole collections (which the embedded store can only scan). A hint is only a
 * shortcut: a write that dies between the document and its hint leaves events the relay's periodic
 * sweep still finds. Each touch counts up {@code n}; the relay removes a hint only if nobody
 * touched it since it was read, so events appended meanwhile keep theirs.
 */
class OutboxHints {

  static final String COLLECTION = "outbox_pending";

  private final MongoTemplate mongo;

  OutboxHints(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * The index on exactly the keys the relay removes a hint by: MongoDB finds it by {@code _id}
   * anyway, the embedded store only by an index with exactly the query's keys. Made with the
   * aggregate store, before anything writes hints.
   */
  void ensureIndexes() {
    GuardIndexes.ensure(mongo, COLLECTION, "n", "_id_n");
  }

  /** A document in a collection that may have events to publish. */
  record Hint(String collection, Object id, long n) {}

  void touch(String collection, Collection<?> ids) {
    if (ids.isEmpty()) {
      return;
    }
    Date now = new Date();
    List<UpdateOneModel<Document>> upserts = new ArrayList<>(ids.size());
    for (Object id : ids) {
      upserts.add(
          new UpdateOneModel<>(
              new Document("_id", key(collection, id)),
              new Document("$inc", new Document("n", 1L))
                  .append(
                      "$setOnInsert",
                      new Document("c", collection).append("id", id).append("at", now)),
              new UpdateOptions().upsert(true)));
    }
    mongo.getCollection(COLLECTION).bulkWrite(upserts, new BulkWriteOptions().ordered(false));
  }

  /**
   * Up to {@code limit} hints for the given collections, oldest first where the store keeps order.
   */
  List<Hint> pending(List<String> collections, int limit) {
    List<Hint> hints = new ArrayList<>();
    Document mine = new Document("c", new Document("$in", collections));
    for (Document hint : mongo.getCollection(COLLECTION).find(mine).limit(limit)) {
      Number n = hint.get("n", Number.class);
      hints.add(new Hint(hint.getString("c"), hint.get("id"), n == null ? 0 : n.longValue()));
    }
    return hints;
  }

  /** Removes the hints nobody touched since they were read. */
  void removeAll(List<Hint> hints) {
    if (hints.isEmpty()) {
      return;
    }
    List<DeleteOneModel<Document>> deletes = new ArrayList<>(hints.size());
    for (Hint hint : hints) {
      deletes.add(
          new DeleteOneModel<>(
              new Document("_id", key(hint.collection(), hint.id())).append("n", hint.n())));
    }
    mongo.getCollection(COLLECTION).bulkWrite(deletes, new BulkWriteOptions().ordered(false));
  }

  /**
   * A string key. Embedded-store workaround: it mishandles documents as {@code _id} under
   * concurrency.
   */
  private static String key(String collection, Object id) {
    return collection + ":" + (id instanceof ObjectId objectId ? objectId.toHexString() : id);
  }
}
