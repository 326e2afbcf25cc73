package org.infointerview.contacts.organization;

import java.util.stream.Stream;
import org.infointerview.contacts.text.KeysVersions;
import org.infointerview.messaging.store.StorePages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Organizations stored before this release's folding of names ({@code Ørsted} found by {@code
 * orsted}) get their keys made anew at start, a page at a time: search tokens always; the name key
 * too unless another organization has it already (both are kept, for an admin to merge).
 */
@Component
class OrganizationKeysBackfill {

  private static final Logger log = LoggerFactory.getLogger(OrganizationKeysBackfill.class);

  private final MongoTemplate mongo;

  OrganizationKeysBackfill(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (!KeysVersions.current(mongo, "organizations", Organization.KEYS_VERSION)) {
      backfill();
      KeysVersions.mark(mongo, "organizations", Organization.KEYS_VERSION);
    }
  }

  /** Brings every organization with older keys up to date; how many were. */
  long backfill() {
    Query stale = Query.query(Criteria.where("keysVersion").ne(Organization.KEYS_VERSION));
    long done = 0;
    try (Stream<Organization> all = StorePages.stream(mongo, stale, Organization.class)) {
      for (Organization stored : (Iterable<Organization>) all::iterator) {
        Organization today =
            Organization.of(
                stored.id(),
                stored.details(),
                stored.createdBy(),
                stored.createdAt(),
                stored.updatedAt(),
                stored.version());
        Query unchanged =
            Query.query(Criteria.where("_id").is(stored.id()).and("version").is(stored.version()));
        Update tokens =
            new Update()
                .set("searchTokens", today.searchTokens())
                .set("keysVersion", Organization.KEYS_VERSION);
        // by collection name: through the class, the store would count it a new version
        try {
          mongo.updateFirst(
              unchanged,
              tokens.set("nameKey", today.nameKey()).set("dedupeKey", today.dedupeKey()),
              "organizations");
        } catch (DuplicateKeyException taken) {
          log.warn(
              "Organization {} keeps its old name key: another one has '{}'",
              stored.id(),
              today.nameKey());
          mongo.updateFirst(
              unchanged,
              new Update()
                  .set("searchTokens", today.searchTokens())
                  .set("keysVersion", Organization.KEYS_VERSION),
              "organizations");
        }
        done++;
      }
    }
    if (done > 0) {
      log.info("{} organizations got this release's search keys", done);
    }
    return done;
  }
}
