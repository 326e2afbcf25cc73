package org.infointerview.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.bson.Document;
import org.infointerview.testinfra.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/** The version-guarded writes against the real store, alone and racing. */
class ReadModelsIT {

  private static final MongoClient CLIENT =
      MongoClients.create(Infrastructure.get().mongoUri("read-models"));
  private static final MongoTemplate MONGO = new MongoTemplate(CLIENT, "read-models");
  private static final String COLLECTION = "snapshots";

  @AfterAll
  static void close() {
    CLIENT.close();
  }

  private static Document stored(String id) {
    return MONGO.getCollection(COLLECTION).find(new Document("_id", id)).first();
  }

  private static boolean upsert(String id, long version) {
    return ReadModels.upsertIfNewer(
        MONGO, COLLECTION, id, "version", version, new Update().set("name", "v" + version));
  }

  @Test
  void anAbsentRecordIsCreatedANewerOneAppliedAndAnOlderOneIgnored() {
    String id = UUID.randomUUID().toString();

    assertThat(upsert(id, 3)).isTrue();
    assertThat(upsert(id, 2)).isFalse();
    assertThat(upsert(id, 3)).isFalse();
    assertThat(stored(id)).containsEntry("version", 3L).containsEntry("name", "v3");
    assertThat(upsert(id, 5)).isTrue();
    assertThat(stored(id)).containsEntry("version", 5L).containsEntry("name", "v5");
  }

  @Test
  void anUpdateOfARecordThatDoesNotExistLeavesItAbsent() {
    String id = UUID.randomUUID().toString();

    boolean applied =
        ReadModels.updateIfNewer(
            MONGO, COLLECTION, id, "version", 4, new Update().set("name", "ghost"));

    assertThat(applied).isFalse();
    assertThat(stored(id)).isNull();
  }

  private static ReadModels.VersionedWrite write(String id, long version, boolean insert) {
    return new ReadModels.VersionedWrite(
        id, version, new Update().set("name", "v" + version), insert);
  }

  private static int writeAll(ReadModels.VersionedWrite... writes) {
    return ReadModels.writeAll(MONGO, COLLECTION, "version", List.of(writes));
  }

  @Test
  void aBatchCreatesAppliesAndIgnoresAsSingleWritesWould() {
    String absent = UUID.randomUUID().toString();
    String older = UUID.randomUUID().toString();
    String newer = UUID.randomUUID().toString();
    String unknown = UUID.randomUUID().toString();
    upsert(older, 1);
    upsert(newer, 9);

    int applied =
        writeAll(
            write(absent, 0, true),
            write(older, 2, true),
            write(newer, 8, true),
            write(unknown, 4, false));

    assertThat(applied).isEqualTo(2);
    assertThat(stored(absent)).containsEntry("version", 0L).containsEntry("name", "v0");
    assertThat(stored(older)).containsEntry("version", 2L).containsEntry("name", "v2");
    assertThat(stored(newer)).containsEntry("version", 9L).containsEntry("name", "v9");
    assertThat(stored(unknown)).isNull();
  }

  @Test
  void anIdWrittenTwiceInOneBatchEndsAtItsNewestVersion() {
    String rising = UUID.randomUUID().toString();
    String falling = UUID.randomUUID().toString();

    int applied =
        writeAll(
            write(rising, 1, true),
            write(falling, 3, true),
            write(rising, 2, false),
            write(falling, 2, false));

    assertThat(applied).isEqualTo(3);
    assertThat(stored(rising)).containsEntry("version", 2L).containsEntry("name", "v2");
    assertThat(stored(falling)).containsEntry("version", 3L).containsEntry("name", "v3");
  }

  @Test
  void batchesRacingSingleWritersLeaveTheNewestVersionOfEveryRecord() throws Exception {
    List<String> ids = LongStream.range(0, 20).mapToObj(i -> UUID.randomUUID().toString()).toList();
    List<Long> versions = new ArrayList<>(LongStream.rangeClosed(1, 30).boxed().toList());
    Collections.shuffle(versions);
    ExecutorService writers = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (long version : versions) {
        results.add(
            writers.submit(
                () ->
                    version % 3 == 0
                        ? ids.stream().filter(id -> upsert(id, version)).count()
                        : ReadModels.writeAll(
                            MONGO,
                            COLLECTION,
                            "version",
                            ids.stream().map(id -> write(id, version, true)).toList())));
      }
      for (Future<?> result : results) {
        result.get();
      }
    } finally {
      writers.shutdown();
    }

    for (String id : ids) {
      assertThat(stored(id)).containsEntry("version", 30L).containsEntry("name", "v30");
    }
  }

  @Test
  void writersRacingInAnyOrderLeaveTheNewestVersion() throws Exception {
    String id = UUID.randomUUID().toString();
    List<Long> versions = new ArrayList<>(LongStream.rangeClosed(1, 60).boxed().toList());
    Collections.shuffle(versions);
    ExecutorService writers = Executors.newFixedThreadPool(6);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (long version : versions) {
        results.add(writers.submit(() -> upsert(id, version)));
      }
      for (Future<Boolean> result : results) {
        result.get();
      }
    } finally {
      writers.shutdown();
    }

    assertThat(stored(id)).containsEntry("version", 60L).containsEntry("name", "v60");
  }
}
