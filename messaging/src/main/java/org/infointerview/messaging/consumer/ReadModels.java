package org.infointerview.messaging.consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Read models fed by events keep each record at the newest version seen: an update applies only
 * when the stored version is older, so a redelivered or late event never overwrites newer facts.
 * One atomic upsert, no transaction: when a newer record already exists the upsert collides with
 * its id and is dropped.
 */
public final class ReadModels {

  private ReadModels() {}

  /**
   * Applies the update (and sets the version) to the record with this id if it is absent or older.
   *
   * @return whether the update was applied
   */
  public static boolean upsertIfNewer(
      MongoTemplate mongo,
      String collection,
      Object id,
      String versionField,
      long version,
      Update update) {
    try {
      var result =
          mongo.upsert(
              new Query(Criteria.where("_id").is(id).and(versionField).lt(version)),
              update.set(versionField, version),
              collection);
      return result.getMatchedCount() == 1 || result.getUpsertedId() != null;
    } catch (DuplicateKeyException newerAlreadyStored) {
      return false;
    }
  }
}
