package org.infointerview.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages in {@code _id} order answer from the local run's store exactly as MongoDB answers them: the
 * same documents in the same order, the rest of the filter applied, whatever the ids are.
 */
class IdOrderedH2BackendTest {

  @TempDir Path data;

  private MongoServer server;
  private MongoClient client;

  @BeforeEach
  void start() {
    server = new MongoServer(new IdOrderedH2Backend(data.resolve("store.mv").toString()));
    client = MongoClients.create("mongodb://" + hostAndPort());
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  /** The store stopped and opened again from its file (its pages read from disk as asked for). */
  private IdOrderedH2Backend restarted() {
    client.close();
    server.shutdownNow();
    IdOrderedH2Backend backend = new IdOrderedH2Backend(data.resolve("store.mv").toString());
    server = new MongoServer(backend);
    client = MongoClients.create("mongodb://" + hostAndPort());
    return backend;
  }

  @Test
  void pagesByObjectIdReadEveryMatchOnceInIdOrder() {
    MongoCollection<Document> contacts = client.getDatabase("t").getCollection("contacts");
    List<Document> stored = new ArrayList<>();
    for (int i = 0; i < 1_050; i++) {
      stored.add(new Document("_id", new ObjectId()).append("n", i).append("active", i % 3 != 0));
    }
    // Inserted out of order: the map, not the insertion, decides the order.
    List<Document> shuffled = new ArrayList<>(stored);
    Collections.shuffle(shuffled, new Random(7));
    contacts.insertMany(shuffled);

    List<Object> expected =
        stored.stream().filter(d -> d.getBoolean("active")).map(d -> d.get("_id")).toList();
    assertThat(paged(contacts, new Document("active", true), 100)).isEqualTo(expected);
  }

  @Test
  void pagesByStringIdFollowMongoDbsStringOrder() {
    MongoCollection<Document> keyed = client.getDatabase("t").getCollection("keyed");
    List<String> ids = List.of("b", "a", "ab", "B", "z", "aa", "0", "Ä");
    ids.forEach(id -> keyed.insertOne(new Document("_id", id)));

    assertThat(paged(keyed, new Document(), 3))
        .containsExactly("0", "B", "a", "aa", "ab", "b", "z", "Ä");
  }

  @Test
  void aRangeOfIdsWithBothBoundsReadsWhatMongoDbReads() {
    MongoCollection<Document> days = client.getDatabase("t").getCollection("days");
    List<String> ids =
        List.of("2026-01-03", "2026-01-01", "2026-02-01", "2026-01-31", "reconciled");
    ids.forEach(id -> days.insertOne(new Document("_id", id).append("dirty", id.endsWith("1"))));

    assertThat(ids(days, new Document("$gte", "2026-01-01").append("$lte", "2026-01-31"), 10))
        .containsExactly("2026-01-01", "2026-01-03", "2026-01-31");
    assertThat(ids(days, new Document("$gt", "2026-01-01").append("$lt", "2026-01-31"), 10))
        .containsExactly("2026-01-03");
    assertThat(ids(days, new Document("$gte", "2026-01-01").append("$lte", "2026-12-31"), 2))
        .containsExactly("2026-01-01", "2026-01-03");
    assertThat(ids(days, new Document("$lte", "2026-01-03"), 10))
        .containsExactly("2026-01-01", "2026-01-03");
    assertThat(
            days.find(
                    new Document(
                            "_id", new Document("$gte", "2026-01-01").append("$lte", "2026-12-31"))
                        .append("dirty", true))
                .sort(Sorts.ascending("_id"))
                .map(d -> d.get("_id"))
                .into(new ArrayList<>()))
        .containsExactly("2026-01-01", "2026-01-31", "2026-02-01");
  }

  private static List<Object> ids(MongoCollection<Document> days, Document range, int limit) {
    return days.find(new Document("_id", range))
        .sort(Sorts.ascending("_id"))
        .limit(limit)
        .map(d -> d.get("_id"))
        .into(new ArrayList<>());
  }

  @Test
  void aVersionedUpdateOfOneIdReadsThatDocumentAloneAndStillChecksTheVersion() {
    MongoCollection<Document> messages = client.getDatabase("t").getCollection("messages");
    List<Document> written = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      written.add(
          new Document("_id", String.format("m-%05d", i))
              .append("version", 0)
              .append("text", "a reminder of a conversation, number " + i));
    }
    messages.insertMany(written);
    IdOrderedH2Backend backend = restarted();
    messages = client.getDatabase("t").getCollection("messages");
    long before = backend.pagesRead();

    Document stale = new Document("_id", "m-12345").append("version", 1);
    Document current = new Document("_id", "m-12345").append("version", 0);
    assertThat(messages.updateOne(stale, Updates.set("sent", true)).getMatchedCount()).isZero();
    assertThat(
            messages
                .updateOne(
                    current, Updates.combine(Updates.set("sent", true), Updates.inc("version", 1)))
                .getMatchedCount())
        .isOne();
    assertThat(messages.find(new Document("_id", "m-40000").append("version", 0)).first()).isNull();

    // a page or two of the map, not the 20,000 documents' pages a scan reads
    assertThat(backend.pagesRead() - before).isLessThan(20);
    assertThat(messages.find(new Document("_id", "m-12345")).first())
        .containsEntry("version", 1)
        .containsEntry("sent", true);
    assertThat(messages.countDocuments(new Document("sent", true))).isOne();
    ObjectId id = new ObjectId();
    messages.insertOne(new Document("_id", id).append("version", 3).append("text", "kept"));
    assertThat(
            messages
                .find(new Document("_id", id).append("version", new Document("$gte", 2)))
                .projection(new Document("text", 1))
                .first())
        .isEqualTo(new Document("_id", id).append("text", "kept"));
  }

  @Test
  void aCountReadsTheCollectionAsItGoesNotAllAtOnce() {
    MongoCollection<Document> contacts = client.getDatabase("t").getCollection("contacts");
    List<Document> written = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      written.add(
          new Document("_id", new ObjectId())
              .append("n", i)
              .append("name", "a person of a large alumni database, number " + i));
    }
    contacts.insertMany(written);
    IdOrderedH2Backend backend = restarted();
    contacts = client.getDatabase("t").getCollection("contacts");
    long before = backend.pagesRead();

    // Spring's exists(): a count with limit 1, an aggregation; its first document answers it
    assertThat(contacts.countDocuments(new Document(), new CountOptions().limit(1))).isOne();
    long first = backend.pagesRead() - before;
    assertThat(contacts.countDocuments(new Document("n", new Document("$gte", 19_990))))
        .isEqualTo(10);
    long all = backend.pagesRead() - before;

    // the first 500 documents' pages, not the pages of all 20,000 held at once
    assertThat(first).isPositive().isLessThan(all / 10);
    assertThat(contacts.countDocuments()).isEqualTo(20_000);
  }

  @Test
  void aCollectionWithIdsOfSeveralKindsIsReadTheUsualWay() {
    MongoCollection<Document> mixed = client.getDatabase("t").getCollection("mixed");
    ObjectId oid = new ObjectId();
    mixed.insertMany(
        List.of(
            new Document("_id", oid),
            new Document("_id", 2L),
            new Document("_id", 10),
            new Document("_id", "x")));

    assertThat(
            mixed
                .find()
                .sort(Sorts.ascending("_id"))
                .map(d -> d.get("_id"))
                .into(new ArrayList<>()))
        .containsExactly(2L, 10, "x", oid);
  }

  @Test
  void uniqueIndexesRefuseTheSameValueInAnyNumberTypeAndFindByIt() {
    MongoCollection<Document> people = client.getDatabase("t").getCollection("people");
    people.createIndex(new Document("n", 1), new IndexOptions().unique(true));
    people.createIndex(
        new Document("a", 1).append("b", 1), new IndexOptions().unique(true).name("a_b"));
    for (int i = 0; i < 500; i++) {
      people.insertOne(
          new Document("_id", "p" + i).append("n", i).append("a", i % 7).append("b", i));
    }

    assertThatThrownBy(() -> people.insertOne(new Document("_id", "x").append("n", 42L)))
        .isInstanceOf(MongoWriteException.class)
        .hasMessageContaining("duplicate key");
    assertThatThrownBy(
            () ->
                people.insertOne(
                    new Document("_id", "y").append("n", -1).append("a", 3).append("b", 10.0)))
        .isInstanceOf(MongoWriteException.class)
        .hasMessageContaining("duplicate key");
    assertThat(people.find(new Document("n", 42.0)).first())
        .extracting(d -> d.get("_id"))
        .isEqualTo("p42");
    assertThat(people.find(new Document("_id", "p7")).first())
        .extracting(d -> d.get("n"))
        .isEqualTo(7);

    people.deleteOne(new Document("_id", "p42"));
    people.insertOne(new Document("_id", "again").append("n", 42).append("a", 0).append("b", 42));
    assertThat(people.countDocuments()).isEqualTo(500);
  }

  @Test
  void binaryFieldsComeBackByteForByteAfterARestart() {
    // an outbox batch's events are packed into one binary field
    byte[] packed = new byte[300_000];
    new Random(3).nextBytes(packed);
    MongoCollection<Document> events = client.getDatabase("t").getCollection("events");
    events.insertOne(new Document("_id", "batch-1").append("packed", new Binary(packed)));
    client.close();
    server.shutdownNow();

    server = new MongoServer(new IdOrderedH2Backend(data.resolve("store.mv").toString()));
    client = MongoClients.create("mongodb://" + hostAndPort());
    Document read = client.getDatabase("t").getCollection("events").find().first();
    assertThat(read.get("packed", Binary.class).getData()).isEqualTo(packed);
  }

  @Test
  void everyKindOfValueComesBackTheSameAfterARestart() {
    // documents are kept as BSON: every type a service stores reads back as it was written
    Document nested = new Document("zone", "Europe/Madrid").append("n", 1);
    Document written =
        new Document("_id", new ObjectId())
            .append("text", "Łukasiewicz \u2603 \r\nBcc: x")
            .append("empty", "")
            .append("int", 42)
            .append("long", 1L << 40)
            .append("double", 0.1)
            .append("decimal", new Decimal128(new BigDecimal("12.340")))
            .append("yes", true)
            .append("none", null)
            .append("date", new Date(1_796_593_957_228L))
            .append("objectId", new ObjectId())
            .append("binary", new Binary(new byte[] {0, 1, -1}))
            .append("uuid", UUID.fromString("3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"))
            .append("timestamp", new BsonTimestamp(1_700_000_000, 3))
            .append("regex", new BsonRegularExpression("^a.b$", "i"))
            .append("nested", nested)
            .append("list", List.of(1, "two", nested, List.of()))
            .append("min", new MinKey())
            .append("max", new MaxKey());
    MongoClient standard =
        MongoClients.create("mongodb://" + hostAndPort() + "/?uuidRepresentation=standard");
    MongoCollection<Document> values = standard.getDatabase("t").getCollection("values");
    values.insertOne(written);
    values.updateOne(new Document("_id", written.get("_id")), Updates.inc("int", 1));
    written.put("int", 43);
    standard.close();
    client.close();
    server.shutdownNow();

    server = new MongoServer(new IdOrderedH2Backend(data.resolve("store.mv").toString()));
    client = MongoClients.create("mongodb://" + hostAndPort() + "/?uuidRepresentation=standard");
    Document read = client.getDatabase("t").getCollection("values").find().first();
    assertThat(read).isEqualTo(written);
    assertThat(List.copyOf(read.keySet())).isEqualTo(List.copyOf(written.keySet()));
  }

  @Test
  void aStoreWrittenByTheUsualBackendReadsItsDocumentsAndKeepsThemWhenSomeAreRewritten() {
    client.close();
    server.shutdownNow();
    String file = data.resolve("older-documents.mv").toString();
    MongoServer older = new MongoServer(new H2Backend(file));
    List<Document> stored = new ArrayList<>();
    try (MongoClient olderClient = MongoClients.create("mongodb://" + address(older))) {
      MongoCollection<Document> people = olderClient.getDatabase("t").getCollection("people");
      for (int i = 0; i < 500; i++) {
        stored.add(
            new Document("_id", new ObjectId())
                .append("name", "Person " + i)
                .append("seen", new Date(1_700_000_000_000L + i)));
      }
      people.insertMany(stored);
    }
    older.shutdownNow();

    // opened here: the older documents read; some rewritten (kept as BSON), the rest not
    server = new MongoServer(new IdOrderedH2Backend(file));
    client = MongoClients.create("mongodb://" + hostAndPort());
    MongoCollection<Document> people = client.getDatabase("t").getCollection("people");
    assertThat(people.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
        .isEqualTo(stored);
    for (int i = 0; i < stored.size(); i += 7) {
      people.updateOne(
          new Document("_id", stored.get(i).get("_id")), Updates.set("name", "Renamed " + i));
      stored.get(i).put("name", "Renamed " + i);
    }
    client.close();
    server.shutdownNow();

    server = new MongoServer(new IdOrderedH2Backend(file));
    client = MongoClients.create("mongodb://" + hostAndPort());
    assertThat(
            client
                .getDatabase("t")
                .getCollection("people")
                .find()
                .sort(Sorts.ascending("_id"))
                .into(new ArrayList<>()))
        .isEqualTo(stored);
  }

  @Test
  void documentsAreKeptAsBsonAndTheOlderFormStillReads() {
    de.bwaldvogel.mongo.bson.Document document =
        new de.bwaldvogel.mongo.bson.Document("_id", "d-1")
            .append("name", "Søren")
            .append("n", 3)
            .append("at", java.time.Instant.ofEpochMilli(1_796_593_957_228L));
    IdOrderedH2Backend.BsonValues values = new IdOrderedH2Backend.BsonValues();

    WriteBuffer kept = new WriteBuffer();
    values.write(kept, document);
    ByteBuffer bson = kept.getBuffer().flip();
    assertThat(bson.get(0)).isEqualTo(IdOrderedH2Backend.BSON);
    assertThat(values.read(bson)).isEqualTo(document);
    assertThat(bson.hasRemaining()).as("read to its end").isFalse();

    WriteBuffer older = new WriteBuffer();
    new ObjectDataType().write(older, document);
    ByteBuffer serialized = older.getBuffer().flip();
    assertThat(values.read(serialized)).isEqualTo(document);
    assertThat(serialized.hasRemaining()).isFalse();
  }

  @Test
  void plainIndexKeysAreKeptAsBsonAndOthersAndTheOlderFormStillRead() {
    IdOrderedH2Backend.KeyValues keys = IdOrderedH2Backend.KeyValues.TYPE;
    KeyValue plain =
        new KeyValue(
            "Søren",
            new de.bwaldvogel.mongo.bson.ObjectId(),
            7,
            7L,
            2.5,
            true,
            null,
            java.time.Instant.ofEpochMilli(1_796_593_957_228L));
    WriteBuffer kept = new WriteBuffer();
    keys.write(kept, plain);
    ByteBuffer bson = kept.getBuffer().flip();
    assertThat(bson.get(0)).isEqualTo(IdOrderedH2Backend.BSON);
    Object read = keys.read(bson);
    assertThat(read).isEqualTo(plain);
    assertThat(((KeyValue) read).stream().map(v -> v == null ? null : v.getClass()))
        .as("each value of the type it had")
        .isEqualTo(plain.stream().map(v -> v == null ? null : v.getClass()).toList());
    assertThat(bson.hasRemaining()).as("read to its end").isFalse();

    // values BSON may not give back as they were: H2's own form, as before
    for (KeyValue other :
        List.of(
            new KeyValue("a", new de.bwaldvogel.mongo.bson.Document("nested", List.of(1, 2))),
            new KeyValue(java.time.Instant.ofEpochSecond(1_796_593_957L, 123_456)))) {
      WriteBuffer serialized = new WriteBuffer();
      keys.write(serialized, other);
      ByteBuffer older = serialized.getBuffer().flip();
      assertThat(older.get(0)).isNotEqualTo(IdOrderedH2Backend.BSON);
      assertThat(keys.read(older)).isEqualTo(other);
    }

    // a key as the store's files from before hold it
    WriteBuffer before = new WriteBuffer();
    new ObjectDataType().write(before, plain);
    ByteBuffer beforeRead = before.getBuffer().flip();
    assertThat(keys.read(beforeRead)).isEqualTo(plain);
    assertThat(beforeRead.hasRemaining()).isFalse();
  }

  @Test
  void objectIdsAreKeptAsTheirBytesAndOtherIdsAndTheOlderFormStillRead() {
    IdOrderedH2Backend.Ids ids = new IdOrderedH2Backend.Ids();
    de.bwaldvogel.mongo.bson.ObjectId id = new de.bwaldvogel.mongo.bson.ObjectId();
    WriteBuffer kept = new WriteBuffer();
    ids.write(kept, id);
    ByteBuffer bytes = kept.getBuffer().flip();
    assertThat(bytes.remaining()).as("a tag and twelve bytes").isEqualTo(13);
    assertThat(bytes.get(0)).isEqualTo(IdOrderedH2Backend.OBJECT_ID);
    assertThat(ids.read(bytes)).isEqualTo(id);
    assertThat(bytes.hasRemaining()).isFalse();

    for (Object other : List.of("a string id", 42, 42L)) {
      WriteBuffer written = new WriteBuffer();
      ids.write(written, other);
      assertThat(ids.read(written.getBuffer().flip())).isEqualTo(other);
    }

    // an id as the store's files from before hold it
    WriteBuffer before = new WriteBuffer();
    new ObjectDataType().write(before, id);
    ByteBuffer beforeRead = before.getBuffer().flip();
    assertThat(ids.read(beforeRead)).isEqualTo(id);
    assertThat(beforeRead.hasRemaining()).isFalse();

    de.bwaldvogel.mongo.bson.ObjectId other = new de.bwaldvogel.mongo.bson.ObjectId();
    assertThat(Integer.signum(ids.compare(id, other)))
        .as("ids keep the order they had")
        .isEqualTo(Integer.signum(new ObjectDataType().compare(id, other)))
        .isNotZero();
  }

  @Test
  void uniqueIndexesWrittenBeforeKeysWereKeptAsBsonStillFindAndRefuse() {
    client.close();
    server.shutdownNow();
    String file = data.resolve("serialized-keys.mv").toString();
    MVStore older = MVStore.open(file);
    org.h2.mvstore.MVMap<Object, Object> index =
        older.openMap(
            "t.people._keyed_index_email_1",
            new org.h2.mvstore.MVMap.Builder<>().keyType(new SerializedKeys()));
    for (int i = 0; i < 300; i++) {
      index.put(new KeyValue("p" + i + "@example.org"), "id-" + i);
    }
    older.close();

    MVStore reopened = MVStore.open(file);
    try {
      org.h2.mvstore.MVMap<Object, Object> read =
          reopened.openMap(
              "t.people._keyed_index_email_1",
              new org.h2.mvstore.MVMap.Builder<>().keyType(IdOrderedH2Backend.KeyValues.TYPE));
      assertThat(read.get(new KeyValue("p123@example.org"))).isEqualTo("id-123");
      read.put(new KeyValue("p300@example.org"), "id-300");
      assertThat(read.putIfAbsent(new KeyValue("p7@example.org"), "again")).isEqualTo("id-7");
      assertThat(read.sizeAsLong()).isEqualTo(301);
    } finally {
      reopened.close();
    }
    server = new MongoServer(new IdOrderedH2Backend(data.resolve("store.mv").toString()));
    client = MongoClients.create("mongodb://" + hostAndPort());
  }

  /** The keyed indexes' keys as they were kept before: in value order, Java-serialized. */
  private static final class SerializedKeys extends ObjectDataType {
    @Override
    public int compare(Object a, Object b) {
      return IdOrderedH2Backend.KeyValues.TYPE.compare(a, b);
    }
  }

  @Test
  void aStoreWrittenByTheUsualBackendKeepsItsUniqueIndexes() {
    client.close();
    server.shutdownNow();
    String file = data.resolve("older.mv").toString();
    MongoServer older = new MongoServer(new H2Backend(file));
    try (MongoClient olderClient = MongoClients.create("mongodb://" + address(older))) {
      MongoCollection<Document> people = olderClient.getDatabase("t").getCollection("people");
      people.createIndex(new Document("email", 1), new IndexOptions().unique(true));
      for (int i = 0; i < 300; i++) {
        people.insertOne(
            new Document("_id", new ObjectId()).append("email", "p" + i + "@example.org"));
      }
    }
    older.shutdownNow();

    server = new MongoServer(new IdOrderedH2Backend(file));
    client = MongoClients.create("mongodb://" + hostAndPort());
    MongoCollection<Document> people = client.getDatabase("t").getCollection("people");
    assertThat(people.find(new Document("email", "p123@example.org")).first()).isNotNull();
    assertThatThrownBy(
            () ->
                people.insertOne(
                    new Document("_id", new ObjectId()).append("email", "p7@example.org")))
        .isInstanceOf(MongoWriteException.class)
        .hasMessageContaining("duplicate key");
    assertThatThrownBy(
            () -> people.insertOne(new Document("_id", people.find().first().get("_id"))))
        .isInstanceOf(MongoWriteException.class)
        .hasMessageContaining("duplicate key");
    client.close();
    server.shutdownNow();

    MVStore store = MVStore.open(file);
    try {
      assertThat(store.getMapNames())
          .contains("t.people._keyed_index_email_1")
          .doesNotContain("t.people._index_email_1", "t.people._index__id_");
    } finally {
      store.close();
    }
    server = new MongoServer(new IdOrderedH2Backend(file));
    client = MongoClients.create("mongodb://" + hostAndPort());
  }

  @Test
  void aDocumentUpdatedWhileItIsBeingReadIsAnsweredWholeAndTheConnectionStays() throws Exception {
    // Without retries: a dropped connection fails the read instead of being hidden by a retry.
    MongoClient once =
        MongoClients.create("mongodb://" + hostAndPort() + "/?retryReads=false&retryWrites=false");
    MongoCollection<Document> deliveries = once.getDatabase("t").getCollection("deliveries");
    deliveries.insertOne(version(0));
    AtomicBoolean running = new AtomicBoolean(true);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      work.add(
          threads.submit(
              () -> {
                for (int v = 1; running.get(); v++) {
                  deliveries.replaceOne(new Document("_id", "d"), version(v));
                }
              }));
      work.add(
          threads.submit(
              () -> {
                while (running.get()) {
                  Document read = deliveries.find(new Document("_id", "d")).first();
                  int fields = read.getInteger("fields");
                  if (read.size() != fields + 2) {
                    failures.add(new AssertionError("half an update: " + read.keySet()));
                  }
                }
              }));
    }
    Thread.sleep(3_000);
    running.set(false);
    for (Future<?> each : work) {
      try {
        each.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        failures.add(e.getCause());
      }
    }
    threads.shutdown();
    once.close();
    assertThat(failures).isEmpty();
  }

  /** A delivery of a different shape in each version: a changed key set and new values. */
  private static Document version(int v) {
    Document document = new Document("_id", "d");
    int fields = 40 + v % 40;
    for (int i = 0; i < fields; i++) {
      document.append("f" + (i + v % 7), "value " + v + " ".repeat(50));
    }
    return document.append("fields", fields);
  }

  /** Pages as the services' StorePages asks for them: the filter with an {@code _id} bound. */
  private static List<Object> paged(
      MongoCollection<Document> collection, Document filter, int size) {
    List<Object> read = new ArrayList<>();
    Object after = null;
    while (true) {
      Document page = new Document(filter);
      if (after != null) {
        page.append("_id", new Document("$gt", after));
      }
      List<Document> found =
          collection.find(page).sort(Sorts.ascending("_id")).limit(size).into(new ArrayList<>());
      found.forEach(d -> read.add(d.get("_id")));
      if (found.size() < size) {
        return read;
      }
      after = found.get(found.size() - 1).get("_id");
    }
  }

  private String hostAndPort() {
    return address(server);
  }

  private static String address(MongoServer server) {
    var address = server.bind();
    return address.getHostString() + ":" + address.getPort();
  }
}
