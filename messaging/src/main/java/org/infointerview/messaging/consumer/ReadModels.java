package org.infointerview.messaging.consumer;

import com.mongodb.client.model.IndexOptions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Read models fed by events keep each record at the newest version seen: an update applies only
 * when the stored version is older, so a redelivered or late event never overwrites newer facts.
 *
 * <p>Each write is a compare-and-set on exact keys, with no transaction: read the stored version by
 * {@code _id}, then update the record only if it still has that version (or insert it if it is
 * still absent); a writer that lost a race reads again. Filtering on exact {@code _id} and version
 * (never a range such as {@code version < n}) lets the embedded store answer from the {@code {_id,
 * version}} index this class keeps on each collection; a range would make it read the whole
 * collection for every event. A replica set finds the record by {@code _id} either way.
 */
public final class ReadModels {

  /** The version a record that does not exist yet is written against. */
  private static final long ABSENT = Long.MIN_VALUE;

  private static final int ATTEMPTS = 16;
  private static final Set<String> INDEXED = ConcurrentHashMap.newKeySet();

  private ReadModels() {}

  /**
   * Applies the update (and sets the version) to the record with this id if it is absent or older.
   *
   * @return whether the update was applied
   */
  public static boolean upsertIfNewer(
      MongoTemplate mongo,
      String collection,
      Object id,
      String versionField,
      long version,
      Update update) {
    return write(mongo, collection, id, versionField, version, update, true);
  }

  /**
   * Applies the update (and sets the version) to the record with this id if it exists and is older;
   * a record that does not exist stays absent.
   *
   * @return whether the update was applied
   */
  public static boolean updateIfNewer(
      MongoTemplate mongo,
      String collection,
      Object id,
      String versionField,
      long version,
      Update update) {
    return write(mongo, collection, id, versionField, version, update, false);
  }

  private static boolean write(
      MongoTemplate mongo,
      String collection,
      Object id,
      String versionField,
      long version,
      Update update,
      boolean insertWhenAbsent) {
    ensureVersionIndex(mongo, collection, versionField);
    update.set(versionField, version);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Query byId = new Query(Criteria.where("_id").is(id));
      byId.fields().include(versionField);
      Document stored = mongo.findOne(byId, Document.class, collection);
      if (stored == null && !insertWhenAbsent) {
        return false;
      }
      @Nullable Object storedVersion = stored == null ? ABSENT : stored.get(versionField);
      if (storedVersion instanceof Number number && number.longValue() >= version) {
        return false;
      }
      Query expected = new Query(Criteria.where("_id").is(id).and(versionField).is(storedVersion));
      try {
        var result =
            stored == null
                ? mongo.upsert(expected, update, collection)
                : mongo.updateFirst(expected, update, collection);
        if (result.getMatchedCount() == 1 || result.getUpsertedId() != null) {
          return true;
        }
      } catch (DuplicateKeyException insertedMeanwhile) {
        // another writer created the record first: compare with its version
      }
    }
    throw new IllegalStateException(
        "The record " + id + " in " + collection + " kept changing; the event will be redelivered");
  }

  private static void ensureVersionIndex(
      MongoTemplate mongo, String collection, String versionField) {
    if (INDEXED.add(mongo.getDb().getName() + "." + collection)) {
      mongo
          .getCollection(collection)
          .createIndex(
              new Document("_id", 1).append(versionField, 1),
              new IndexOptions().unique(true).name("_id_version"));
    }
  }
}
