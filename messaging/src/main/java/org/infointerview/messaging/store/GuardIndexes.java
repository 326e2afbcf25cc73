package org.infointerview.messaging.store;

import com.mongodb.client.model.IndexOptions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Unique indexes on exactly the keys of a guarded write: {@code _id} and the version or count the
 * write compares (Embedded-store workaround: it answers a query from an index only when the index
 * has exactly the query's keys, so without one each compare-and-set reads the whole collection;
 * MongoDB finds the document by {@code _id} anyway).
 *
 * <p>Make them before the collection is written, at startup (in the constructor of the class that
 * writes it, or as {@link org.infointerview.messaging.outbox.AggregateStore} does for the versioned
 * aggregates). The embedded store builds a new index from the documents it holds while other
 * threads go on writing, so a document inserted or updated during the build is left out of the
 * index or kept there under its old key, and every later guarded write of it finds nothing: found
 * on CI, where one ledger's writes failed for good when the index was made on the first update
 * while three other threads wrote. {@link #ensure} on the write path stays as a fallback and costs
 * a set lookup once the index is made.
 */
public final class GuardIndexes {

  private static final Set<String> MADE = ConcurrentHashMap.newKeySet();

  private GuardIndexes() {}

  /**
   * Makes the unique index {@code name} on {@code _id} and {@code field} of the collection, once
   * per database, collection and name in this process. The name is the one stores already have
   * ({@code _id_version} for every version field, {@code _id_count}): MongoDB refuses a second name
   * for the same keys.
   */
  public static void ensure(MongoTemplate mongo, String collection, String field, String name) {
    if (MADE.add(mongo.getDb().getName() + "." + collection + "." + name)) {
      mongo
          .getCollection(collection)
          .createIndex(
              new Document("_id", 1).append(field, 1), new IndexOptions().unique(true).name(name));
    }
  }
}
