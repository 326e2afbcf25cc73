package org.infointerview.localrun;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

/**
 * The local run's store: mongo-java-server's H2 backend, kept in a file, with one addition. The
 * services read every large pass a page at a time in {@code _id} order ({@code _id > last} sorted
 * by {@code _id}, limited). MongoDB answers that from its {@code _id} index; mongo-java-server uses
 * an index only for equality, so each page would read and sort the whole collection, and a pass
 * over a million contacts would read it a thousand times. Here such a page is read from the H2 map,
 * which keeps documents in {@code _id} order, starting at the bound and stopping at the limit.
 *
 * <p>Embedded-store workaround: it goes when the local run uses a real MongoDB. It names
 * H2Database's map prefixes ({@code databases.}, {@code meta.}) as mongo-java-server 1.47 does, and
 * takes the short way only where H2's key order is MongoDB's: a collection whose ids are all
 * ObjectIds or all strings.
 */
final class IdOrderedH2Backend extends H2Backend {

  IdOrderedH2Backend(String fileName) {
    super(fileName);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName);
  }

  private final class Database extends H2Database {

    Database(String name) {
      super(name, getMvStore(), getCursorRegistry());
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(
        String collectionName, CollectionOptions options) {
      String fullName = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> data = getMvStore().openMap("databases." + fullName);
      MVMap<String, Object> meta = getMvStore().openMap("meta." + fullName);
      return new IdOrderedCollection(this, collectionName, options, data, meta);
    }
  }

  private final class IdOrderedCollection extends H2Collection {

    private final MVMap<Object, Document> data;

    IdOrderedCollection(
        MongoDatabase database,
        String name,
        CollectionOptions options,
        MVMap<Object, Document> data,
        MVMap<String, Object> meta) {
      super(database, name, options, data, meta, getCursorRegistry());
      this.data = data;
    }

    @Override
    protected QueryResult matchDocuments(
        Document query,
        Document orderBy,
        int numberToSkip,
        int limit,
        int batchSize,
        Document fieldSelector) {
      Object from = idOrderedStart(query, orderBy);
      if (from == null) {
        return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
      }
      Cursor<Object, Document> cursor = data.cursor(from == FIRST ? null : from);
      Iterator<Document> documents =
          new Iterator<>() {
            @Override
            public boolean hasNext() {
              return cursor.hasNext();
            }

            @Override
            public Document next() {
              cursor.next();
              return cursor.getValue();
            }
          };
      Stream<Document> inOrder =
          StreamSupport.stream(
              Spliterators.spliteratorUnknownSize(documents, Spliterator.ORDERED), false);
      // The query's own filter (the bound included) still decides; only the sort is not needed.
      return matchDocumentsFromStream(
          query, inOrder, numberToSkip, limit, batchSize, null, fieldSelector);
    }

    /**
     * Where an {@code _id}-ordered page starts: {@link #FIRST}, the {@code $gt} bound, or null when
     * the query is not such a page or the collection's key order may differ from MongoDB's.
     */
    private @Nullable Object idOrderedStart(Document query, @Nullable Document orderBy) {
      if (orderBy == null
          || orderBy.size() != 1
          || !(orderBy.get("_id") instanceof Number direction)
          || direction.intValue() != 1
          || data.isEmpty()) {
        return null;
      }
      Class<?> keys = data.firstKey().getClass();
      if ((keys != ObjectId.class && keys != String.class) || data.lastKey().getClass() != keys) {
        return null;
      }
      Object id = query.get("_id");
      if (id == null) {
        return FIRST;
      }
      if (id instanceof Document range
          && range.size() == 1
          && range.get("$gt") != null
          && range.get("$gt").getClass() == keys) {
        return range.get("$gt");
      }
      return null;
    }
  }

  private static final Object FIRST = new Object();
}
