package org.infointerview.contacts.alumnisync;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Alumni sync settings for tests that need some in place, and a wait for runs to end. */
public final class AlumniSyncFixtures {

  private AlumniSyncFixtures() {}

  /**
   * Stores settings as they are, past the address check: as if an admin had saved a name that
   * resolved elsewhere at the time. Existing settings keep their version.
   */
  public static void storeUnchecked(MongoTemplate mongo, String baseUrl) {
    mongo.upsert(
        Query.query(Criteria.where("_id").is(AlumniSyncSettings.ID)),
        new Update()
            .set(
                "setup",
                new Document("baseUrl", baseUrl)
                    .append("pagination", "CURSOR")
                    .append("pageSize", 200)
                    .append("authentication", "NONE")
                    .append("apiKeyHeader", "X-API-Key")
                    .append("profile", "alumni-db-api")
                    .append("zone", "UTC")
                    .append("enabled", false))
            .set("updatedBy", "test")
            .set("updatedAt", new Date())
            .setOnInsert("version", 0L),
        "alumni_sync");
  }

  /** Waits until no alumni sync run holds the lock. */
  public static void awaitNoRun(MongoTemplate mongo) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !mongo.exists(
                    Query.query(
                        Criteria.where("_id").is("alumni-sync").and("lockUntil").gt(new Date())),
                    "shedLock"));
  }
}
