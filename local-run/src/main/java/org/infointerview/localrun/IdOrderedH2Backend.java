package org.infointerview.localrun;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.jspecify.annotations.Nullable;

/**
 * The local run's store: mongo-java-server's H2 backend, kept in a file, with four changes. The
 * services read every large pass a page at a time in {@code _id} order ({@code _id > last} sorted
 * by {@code _id}, limited). MongoDB answers that from its {@code _id} index; mongo-java-server uses
 * an index only for equality, so each page would read and sort the whole collection, and a pass
 * over a million contacts would read it a thousand times. Here such a page is read from the H2 map,
 * which keeps documents in {@code _id} order, starting at the bound and stopping at the limit. A
 * query naming one {@code _id} and more conditions (a versioned save's {@code {_id, version}})
 * reads that one document: mongo-java-server's index answers only a query of exactly its keys.
 * Second, unique indexes (every {@code _id} and every unique field) compare their keys by value
 * instead of by their Java-serialized bytes, and keep them as BSON ({@link KeyValues}). Third, an
 * update never changes the stored document an answer may be sending ({@code getDocument}). Fourth,
 * documents are kept as BSON rather than Java-serialized ({@link BsonValues}). Fifth, no running
 * total of each collection's size is kept ({@code tracksDataSize}).
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

  /** Pages read from the file since the store opened (what a query cost, for tests). */
  long pagesRead() {
    return getMvStore().getFileStore().getReadCount();
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName);
  }

  private final class Database extends H2Database {

    Database(String name) {
      super(name, getMvStore(), getCursorRegistry());
    }

    /**
     * A unique index in an H2 map whose keys compare by value, not by their Java-serialized bytes
     * (the H2 backend's default for a key type H2 does not know: every lookup serialized the keys
     * it passed, most of the store's garbage under load). Kept under a name of its own: a map
     * written in the old order is dropped and this one filled from the documents when opened.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(
        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      String namespace = getFullCollectionNamespace(collectionName);
      String serializedOrder = namespace + "._index_" + indexName;
      if (getMvStore().hasMap(serializedOrder)) {
        getMvStore().removeMap(serializedOrder);
      }
      MVMap<KeyValue, Object> map =
          getMvStore()
              .openMap(
                  namespace + "._keyed_index_" + indexName,
                  new MVMap.Builder<KeyValue, Object>()
                      .keyType(KeyValues.TYPE)
                      .valueType(new Ids()));
      return new KeyedIndex(map, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
      super.dropIndex(collection, indexName);
      getMvStore()
          .removeMap(
              getFullCollectionNamespace(collection.getCollectionName())
                  + "._keyed_index_"
                  + indexName);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(
        String collectionName, CollectionOptions options) {
      String fullName = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> data =
          getMvStore()
              .openMap(
                  "databases." + fullName,
                  new MVMap.Builder<Object, Document>()
                      .keyType(new Ids())
                      .valueType(new BsonValues()));
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

    /**
     * No running total of the collection's BSON size (only {@code collStats} reads it, and nothing
     * here asks): keeping it encoded every inserted document once and every updated one twice, the
     * old and the new, only to measure them, 15 % of the store's garbage under load.
     */
    @Override
    protected boolean tracksDataSize() {
      return false;
    }

    /**
     * A copy of the stored document. mongo-java-server changes the document an update starts from
     * in place, which is the stored one: a query's answer being written out on another thread at
     * that moment failed to encode, the server dropped the connection, and every client of the
     * store waited half a second for it to come back. Updates now change a copy, and the stored
     * document, which answers may be holding, is replaced, never changed.
     */
    @Override
    protected @Nullable Document getDocument(Object position) {
      Document stored = super.getDocument(position);
      return stored == null ? null : stored.cloneDeeply();
    }

    /**
     * Every document, read from the map 500 at a time ({@code SCAN_PAGE}) as the stream is
     * consumed. mongo-java-server's own read the whole collection into one list first, and every
     * aggregation starts here, so every count ({@code countDocuments}, Spring's {@code count} and
     * {@code exists}) held the collection in memory at once: an import's one check over 220,000
     * contacts ran the store out of memory. Each page is read by a cursor of its own, at once: one
     * cursor held open through a long scan read pages of a version the store had since let go
     * ("Chunk not found") while other writers committed.
     */
    @Override
    public Stream<Document> queryAllAsStream() {
      Iterator<Document> documents =
          new Iterator<>() {
            private final Deque<Document> page = new ArrayDeque<>();
            private @Nullable Object last;
            private boolean ended;

            @Override
            public boolean hasNext() {
              if (page.isEmpty() && !ended) {
                Cursor<Object, Document> cursor = data.cursor(last);
                while (page.size() < SCAN_PAGE && cursor.hasNext()) {
                  Object key = cursor.next();
                  // the page starts at the last key read, which is not read twice
                  if (!key.equals(last)) {
                    page.add(cursor.getValue());
                    last = key;
                  }
                }
                ended = page.isEmpty();
              }
              return !page.isEmpty();
            }

            @Override
            public Document next() {
              if (!hasNext()) {
                throw new NoSuchElementException();
              }
              return page.removeFirst();
            }
          };
      return StreamSupport.stream(
          Spliterators.spliteratorUnknownSize(documents, Spliterator.ORDERED), false);
    }

    @Override
    protected QueryResult matchDocuments(
        Document query,
        Document orderBy,
        int numberToSkip,
        int limit,
        int batchSize,
        Document fieldSelector) {
      Object id = query.get("_id");
      if (id instanceof String || id instanceof ObjectId) {
        // One id and more conditions (a versioned save's {_id, version}): the index answers only
        // a query of exactly its keys, so without this every such update read the collection.
        Document stored = getDocument(id);
        return matchDocumentsFromStream(
            query,
            stored == null ? Stream.empty() : Stream.of(stored),
            numberToSkip,
            limit,
            batchSize,
            null,
            fieldSelector);
      }
      Object from = idOrderedStart(query, orderBy);
      if (from == null) {
        return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
      }
      Cursor<Object, Document> cursor = data.cursor(from == FIRST ? null : from);
      Predicate<Object> within = upTo(query.get("_id"));
      Iterator<Document> documents =
          new Iterator<>() {
            private @Nullable Document next;

            @Override
            public boolean hasNext() {
              if (next == null && cursor.hasNext() && within.test(cursor.next())) {
                next = cursor.getValue();
              }
              return next != null;
            }

            @Override
            public Document next() {
              if (!hasNext()) {
                throw new NoSuchElementException();
              }
              Document document = next;
              next = null;
              return document;
            }
          };
      Stream<Document> inOrder =
          StreamSupport.stream(
              Spliterators.spliteratorUnknownSize(documents, Spliterator.ORDERED), false);
      // The query's own filter (the bounds included) still decides; only the sort is not needed.
      return matchDocumentsFromStream(
          query, inOrder, numberToSkip, limit, batchSize, null, fieldSelector);
    }

    /**
     * Where an {@code _id}-ordered page starts: {@link #FIRST}, its lower bound ({@code $gt} or
     * {@code $gte}), or null when the query is not such a page or the collection's key order may
     * differ from MongoDB's.
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
      if (!(id instanceof Document range)
          || !BOUNDS.containsAll(range.keySet())
          || range.values().stream().anyMatch(bound -> bound == null || bound.getClass() != keys)
          || (range.containsKey("$gt") && range.containsKey("$gte"))) {
        return null;
      }
      Object start = range.containsKey("$gt") ? range.get("$gt") : range.get("$gte");
      return start == null ? FIRST : start;
    }
  }

  private static final Set<String> BOUNDS = Set.of("$gt", "$gte", "$lt", "$lte");

  /** Whether an id is still within the range's upper bound, if it has one: the page stops there. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Predicate<Object> upTo(@Nullable Object id) {
    if (!(id instanceof Document range)) {
      return key -> true;
    }
    Comparable lessThan = (Comparable) range.get("$lt");
    Comparable atMost = (Comparable) range.get("$lte");
    return key ->
        (lessThan == null || lessThan.compareTo(key) > 0)
            && (atMost == null || atMost.compareTo(key) >= 0);
  }

  private static final Object FIRST = new Object();

  /** Documents a whole-collection scan reads per cursor. */
  private static final int SCAN_PAGE = 500;

  /** The H2 backend's unique index, on a map of value-ordered keys. */
  private static final class KeyedIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> map;

    KeyedIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
      super(name, keys, sparse);
      this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
      return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
      return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
      return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
      return map.get(key);
    }

    @Override
    public long getCount() {
      return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public long getDataSize() {
      return getCount();
    }
  }

  /**
   * Index keys compared by MongoDB's order of their values; keys equal in that order but not equal
   * (never for keys of one index in practice) fall back to the serialized bytes, so equality is
   * exactly what it was. Kept as BSON when every value is a plain one (a string, an ObjectId, a
   * number, a boolean, a date or null: the keys of every index the services make), not in H2's Java
   * serialization, which took a quarter of the store's garbage under load (each key serialized on
   * every page a commit writes, deserialized on every page read from the file); a key of other
   * values still is, and a key written in that form (the store's files from before) still reads.
   */
  static final class KeyValues extends ObjectDataType {

    static final KeyValues TYPE = new KeyValues();

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    /** BSON field names of a key's values, in order; keys of more values are serialized. */
    private static final String[] PLACES = {"0", "1", "2", "3", "4", "5", "6", "7"};

    @Override
    public int compare(Object a, Object b) {
      if (a instanceof KeyValue left && b instanceof KeyValue right) {
        int size = Math.min(left.size(), right.size());
        for (int i = 0; i < size; i++) {
          int order = VALUES.compare(left.get(i), right.get(i));
          if (order != 0) {
            return order;
          }
        }
        if (left.size() != right.size()) {
          return Integer.compare(left.size(), right.size());
        }
        if (left.equals(right)) {
          return 0;
        }
      }
      return super.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
      if (key instanceof KeyValue values && plain(values)) {
        Document document = new Document();
        for (int i = 0; i < values.size(); i++) {
          document.put(PLACES[i], values.get(i));
        }
        putBson(buffer, document);
        return;
      }
      super.write(buffer, key);
    }

    @Override
    public Object read(ByteBuffer buffer) {
      Document document = readBson(buffer);
      return document == null ? super.read(buffer) : new KeyValue(document.values());
    }

    /** What a key is estimated to take in memory (it sizes pages and the page cache). */
    @Override
    public int getMemory(Object key) {
      if (key instanceof KeyValue values && plain(values)) {
        int memory = 64;
        for (Object value : values) {
          memory += value instanceof String text ? 48 + text.length() : 32;
        }
        return memory;
      }
      return super.getMemory(key);
    }

    private static boolean plain(KeyValue values) {
      if (values.size() > PLACES.length) {
        return false;
      }
      for (Object value : values) {
        if (value != null
            && !(value instanceof String
                || value instanceof ObjectId
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof Boolean
                || value instanceof Instant at && at.getNano() % 1_000_000 == 0)) {
          return false; // (BSON keeps a date to the millisecond)
        }
      }
      return true;
    }
  }

  /** The first byte of a value kept as BSON; H2's {@link ObjectDataType} tags end at 119. */
  static final byte BSON = 127;

  /** The first byte of an ObjectId kept as its twelve bytes ({@link Ids}). */
  static final byte OBJECT_ID = 126;

  /**
   * Documents' ids, as the keys of a collection and as what an index entry points at: an ObjectId
   * kept as its twelve bytes behind a tag of its own, not in H2's Java serialization (an
   * ObjectOutputStream per id on every page a commit writes: a tenth of the store's CPU during an
   * import). Ids keep their order; any other id, and an id written in the older form (the store's
   * files from before), reads and writes as before.
   */
  static final class Ids extends ObjectDataType {

    @Override
    public void write(WriteBuffer buffer, Object id) {
      if (id != null && id.getClass() == ObjectId.class) {
        buffer.put(OBJECT_ID).put(((ObjectId) id).toByteArray());
        return;
      }
      super.write(buffer, id);
    }

    @Override
    public Object read(ByteBuffer buffer) {
      if (buffer.get(buffer.position()) != OBJECT_ID) {
        return super.read(buffer);
      }
      byte[] bytes = new byte[12];
      buffer.get();
      buffer.get(bytes);
      return new ObjectId(bytes);
    }

    @Override
    public int getMemory(Object id) {
      return id != null && id.getClass() == ObjectId.class ? 48 : super.getMemory(id);
    }
  }

  /**
   * Writes the document as {@link #BSON} and its BSON; false (nothing written) if BSON refuses it.
   */
  private static boolean putBson(WriteBuffer buffer, Map<String, ?> document, int expected) {
    buffer.put(BSON);
    if (PlainDocuments.write(buffer, document)) {
      return true;
    }
    buffer.position(buffer.position() - 1);
    ByteBuf bson = Unpooled.buffer(expected);
    try {
      BsonEncoder.encodeDocument(document, bson);
      buffer
          .put(BSON)
          .put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
      return true;
    } catch (RuntimeException notBson) {
      return false;
    } finally {
      bson.release();
    }
  }

  private static void putBson(WriteBuffer buffer, Map<String, ?> document) {
    if (!putBson(buffer, document, 64)) {
      throw new IllegalStateException("A plain index key could not be kept as BSON: " + document);
    }
  }

  /** The document kept as {@link #BSON} at the buffer's position, read past; null if not BSON. */
  private static @Nullable Document readBson(ByteBuffer buffer) {
    int start = buffer.position();
    if (buffer.get(start) != BSON) {
      return null;
    }
    int size = Integer.reverseBytes(buffer.getInt(start + 1)); // BSON's length: little-endian
    ByteBuffer bson = buffer.duplicate();
    bson.position(start + 1).limit(start + 1 + size);
    Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    buffer.position(start + 1 + size);
    return document;
  }

  /**
   * Documents kept as BSON, the bytes they arrive and leave in, instead of H2's Java serialization
   * of them: that one took a third of the store's CPU and most of its garbage under load (every
   * page a commit writes serializes each document on it, every page read from the file deserializes
   * them). A document written in the older form (the store's files from before, an {@link
   * ObjectDataType} tag first) still reads; BSON starts with a tag that form never writes. A
   * document the BSON encoder refuses (none that came over the wire) is kept in the older form, so
   * a commit never fails on one.
   */
  static final class BsonValues extends BasicDataType<Document> {

    private final ObjectDataType older = new ObjectDataType();

    /**
     * What a document is estimated to take in memory (it sizes the pages and the page cache): a
     * running average of three times its BSON size, near what the older form estimated.
     */
    private volatile int averageMemory = 3_000;

    @Override
    public int getMemory(Document document) {
      return averageMemory;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
      int start = buffer.position();
      if (putBson(buffer, document, averageMemory / 3 + 64)) {
        averageMemory = (int) ((3L * (buffer.position() - start) + 15L * averageMemory) / 16);
      } else {
        older.write(buffer, document);
      }
    }

    @Override
    public Document read(ByteBuffer buffer) {
      Document document = readBson(buffer);
      return document == null ? (Document) older.read(buffer) : document;
    }

    @Override
    public int compare(Document a, Document b) {
      return a.equals(b) ? 0 : older.compare(a, b);
    }

    @Override
    public Document[] createStorage(int size) {
      return new Document[size];
    }
  }
}
