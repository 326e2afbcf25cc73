package org.infointerview.contacts.text;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which version of the derived keys (search tokens, match keys) a collection's documents have all
 * been brought to, in {@value #COLLECTION}: a start that finds its collection current skips the
 * pass over it, which would otherwise read a million contacts to find none to change.
 */
public final class KeysVersions {

  static final String COLLECTION = "derived_keys";

  private KeysVersions() {}

  /** Whether every document of the collection was brought to this version. */
  public static boolean current(MongoTemplate mongo, String collection, int version) {
    Document done = mongo.findById(collection, Document.class, COLLECTION);
    return done != null && Integer.valueOf(version).equals(done.getInteger("keysVersion"));
  }

  /** Records that a pass brought every document of the collection to this version. */
  public static void mark(MongoTemplate mongo, String collection, int version) {
    mongo.upsert(
        Query.query(Criteria.where("_id").is(collection)),
        new Update().set("keysVersion", version),
        COLLECTION);
  }
}
