package org.infointerview.notifications;

import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Recipients as contacts-service's profiles leave them here, for tests that mail someone. */
public final class RecipientFixtures {

  private RecipientFixtures() {}

  /** A platform user with a new id; returns the id. */
  public static String student(MongoTemplate mongo, String address, String name, String zone) {
    return store(mongo, "https://sso.example.edu|s-" + UUID.randomUUID(), address, name, zone);
  }

  /** A platform user with this id; returns the id. */
  public static String store(
      MongoTemplate mongo, String userId, String address, String name, String zone) {
    mongo.insert(
        new Document("_id", userId)
            .append("displayName", name)
            .append("email", address)
            .append("timeZone", zone)
            .append("profileVersion", 0L)
            .append("updatedAt", new Date()),
        "recipients");
    return userId;
  }
}
