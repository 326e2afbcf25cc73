package org.infointerview.interviews;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Contacts as this service's read model holds them (what contacts-service's events leave in {@code
 * contact_snapshots}), written straight into the store for tests about other features.
 */
public final class ContactSnapshotFixtures {

  private ContactSnapshotFixtures() {}

  /** An alumnus who opted in: any student may plan an interview with them. */
  public static Document optedInAlumnus(String contactId, String displayName) {
    return snapshot(contactId, null, "ALUMNI_IMPORT", displayName, true)
        .append("timeZone", "America/New_York")
        .append("maxRequestsPerMonth", 2);
  }

  /** An alumnus who opted in, asked as often as this number a month at most. */
  public static Document volunteer(String contactId, String displayName, int perMonth) {
    return optedInAlumnus(contactId, displayName).append("maxRequestsPerMonth", perMonth);
  }

  /** A student's own contact: theirs alone. */
  public static Document personal(String contactId, String ownerId, String displayName) {
    return snapshot(contactId, ownerId, "PERSONAL", displayName, false);
  }

  public static void store(MongoTemplate mongo, Document snapshot) {
    mongo.insert(snapshot, "contact_snapshots");
  }

  private static Document snapshot(
      String contactId,
      @Nullable String ownerId,
      String source,
      String displayName,
      boolean optedIn) {
    Document snapshot =
        new Document("_id", contactId)
            .append("source", source)
            .append("displayName", displayName)
            .append("organizationName", "Northwind Health")
            .append("jobTitle", "Data Scientist")
            .append("careerFields", List.of("HEALTH_SCIENCE"))
            .append("optedIn", optedIn)
            .append("contactPreference", "VIA_PLATFORM")
            .append("doNotContact", false)
            .append("contactVersion", 0L)
            .append("updatedAt", Date.from(Instant.now()));
    if (ownerId != null) {
      snapshot.append("ownerId", ownerId);
    }
    return snapshot;
  }
}
