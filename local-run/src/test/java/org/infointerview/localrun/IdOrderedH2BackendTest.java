package org.infointerview.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.ObjectId;
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
    var address = server.bind();
    return address.getHostString() + ":" + address.getPort();
  }
}
