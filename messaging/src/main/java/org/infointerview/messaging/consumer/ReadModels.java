package org.infointerview.messaging.consumer;

import com.mongodb.bulk.BulkWriteResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.infointerview.messaging.store.GuardIndexes;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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
 * (never a range such as {@code version < n}; Embedded-store workaround) lets the embedded store
 * answer from the {@code {_id, version}} index this class keeps on each collection; a range would
 * make it read the whole collection for every event. A replica set finds the record by {@code _id}
 * either way.
 *
 * <p>A batch listener writes many records at once ({@link #writeAll}): one read of the stored
 * versions and one unordered bulk of the same compare-and-sets, instead of two round trips per
 * event.
 */
public final class ReadModels {

  /**
   * One version-guarded write: of the record with this id, to this version, applied only if the
   * stored version is older; an absent record is created only when {@code insertWhenAbsent}.
   */
  public record VersionedWrite(Object id, long version, Update update, boolean insertWhenAbsent) {}

  /** The version a record that does not exist yet is written against. */
  private static final long ABSENT = Long.MIN_VALUE;

  private static final int ATTEMPTS = 16;

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

  /**
   * Applies many version-guarded writes with the same outcome as applying them one by one in list
   * order, in two store round trips when nothing races: one read of the stored versions, one
   * unordered bulk of compare-and-sets. An id that occurs more than once in the list, and every
   * write of a bulk in which some compare-and-set found its record changed meanwhile, go through
   * the single-write path (which then finds the writes already applied to be no longer newer).
   *
   * @return how many writes were applied
   */
  public static int writeAll(
      MongoTemplate mongo, String collection, String versionField, List<VersionedWrite> writes) {
    if (writes.isEmpty()) {
      return 0;
    }
    prepare(mongo, collection, versionField);
    Map<Object, Integer> occurrences = new HashMap<>();
    writes.forEach(w -> occurrences.merge(w.id(), 1, Integer::sum));
    List<VersionedWrite> together = new ArrayList<>();
    List<VersionedWrite> oneByOne = new ArrayList<>();
    for (VersionedWrite w : writes) {
      (occurrences.get(w.id()) == 1 ? together : oneByOne).add(w);
    }
    int applied = bulk(mongo, collection, versionField, together);
    for (VersionedWrite w : oneByOne) {
      applied += write(mongo, collection, versionField, w) ? 1 : 0;
    }
    return applied;
  }

  /** Writes of distinct ids as one bulk; on a lost race, each again through the single path. */
  private static int bulk(
      MongoTemplate mongo, String collection, String versionField, List<VersionedWrite> writes) {
    if (writes.isEmpty()) {
      return 0;
    }
    Query ids =
        new Query(Criteria.where("_id").in(writes.stream().map(VersionedWrite::id).toList()));
    ids.fields().include(versionField);
    Map<Object, @Nullable Object> stored = new HashMap<>();
    for (Document document : mongo.find(ids, Document.class, collection)) {
      stored.put(document.get("_id"), document.get(versionField));
    }
    BulkOperations operations = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
    List<VersionedWrite> sent = new ArrayList<>();
    for (VersionedWrite w : writes) {
      boolean exists = stored.containsKey(w.id());
      Query expected =
          expected(
              w.id(), versionField, w.version(), w.insertWhenAbsent(), exists, stored.get(w.id()));
      if (expected == null) {
        continue;
      }
      Update update = w.update().set(versionField, w.version());
      if (exists) {
        operations.updateOne(expected, update);
      } else {
        operations.upsert(expected, update);
      }
      sent.add(w);
    }
    if (sent.isEmpty()) {
      return 0;
    }
    BulkWriteResult result;
    try {
      result = operations.execute();
    } catch (BulkOperationException raced) {
      // an upsert collided with a record another writer created meanwhile
      result = raced.getResult();
    }
    int applied = result.getMatchedCount() + result.getUpserts().size();
    if (applied < sent.size()) {
      for (VersionedWrite w : sent) {
        applied += write(mongo, collection, versionField, w) ? 1 : 0;
      }
    }
    return applied;
  }

  private static boolean write(
      MongoTemplate mongo,
      String collection,
      Object id,
      String versionField,
      long version,
      Update update,
      boolean insertWhenAbsent) {
    prepare(mongo, collection, versionField);
    update.set(versionField, version);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Query byId = new Query(Criteria.where("_id").is(id));
      byId.fields().include(versionField);
      Document stored = mongo.findOne(byId, Document.class, collection);
      Query expected =
          expected(
              id,
              versionField,
              version,
              insertWhenAbsent,
              stored != null,
              stored == null ? null : stored.get(versionField));
      if (expected == null) {
        return false;
      }
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

  private static boolean write(
      MongoTemplate mongo, String collection, String versionField, VersionedWrite w) {
    return write(
        mongo, collection, w.id(), versionField, w.version(), w.update(), w.insertWhenAbsent());
  }

  /**
   * The compare-and-set filter for writing {@code version} over what is stored: the record as it is
   * now (or still absent), or null when the write is not to be made (the record is absent and may
   * not be created, or is already as new).
   */
  private static @Nullable Query expected(
      Object id,
      String versionField,
      long version,
      boolean insertWhenAbsent,
      boolean exists,
      @Nullable Object storedVersion) {
    if (!exists && !insertWhenAbsent) {
      return null;
    }
    @Nullable Object current = exists ? storedVersion : ABSENT;
    if (current instanceof Number number && number.longValue() >= version) {
      return null;
    }
    return new Query(Criteria.where("_id").is(id).and(versionField).is(current));
  }

  /**
   * Makes the index the version-guarded writes of a read model need; call it where the read model's
   * writer is made, before it takes events ({@link GuardIndexes} says why). The writes themselves
   * make it too, as a fallback.
   */
  public static void prepare(MongoTemplate mongo, String collection, String versionField) {
    GuardIndexes.ensure(mongo, collection, versionField, "_id_version");
  }
}
