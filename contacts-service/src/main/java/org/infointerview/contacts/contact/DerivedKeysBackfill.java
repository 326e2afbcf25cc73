package org.infointerview.contacts.contact;

import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.infointerview.contacts.text.KeysVersions;
import org.infointerview.messaging.store.StorePages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Contacts stored before this release's way of making derived keys (names folded as people type
 * them, the LinkedIn profile's match key) get them anew, a page at a time, on a thread of its own
 * after start, so that search on the store and imports' matching find them. The keys only: no
 * version, no event; a contact written meanwhile is left to its writer, who wrote them fresh. A
 * second start skips the pass ({@link KeysVersions}). (Lucene's index makes its tokens anew at
 * every start anyway.)
 */
@Component
class DerivedKeysBackfill {

  private static final Logger log = LoggerFactory.getLogger(DerivedKeysBackfill.class);
  private static final List<String> KEYS =
      List.of(
          "searchTokens",
          "titleTokens",
          "emailKeys",
          "linkedinKey",
          "nameKey",
          "familyKey",
          "organizationKey");

  private final MongoTemplate mongo;

  DerivedKeysBackfill(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (KeysVersions.current(mongo, "contacts", Contact.KEYS_VERSION)) {
      return;
    }
    Thread thread = new Thread(this::backfillLogged, "derived-keys");
    thread.setDaemon(true);
    thread.start();
  }

  private void backfillLogged() {
    try {
      long done = backfill();
      KeysVersions.mark(mongo, "contacts", Contact.KEYS_VERSION);
      if (done > 0) {
        log.info("{} contacts got this release's search and match keys", done);
      }
    } catch (RuntimeException e) {
      log.warn("The search and match keys of older contacts could not all be made anew", e);
    }
  }

  /** Brings every contact with older keys up to date; how many were. */
  long backfill() {
    Query stale = Query.query(Criteria.where("keysVersion").ne(Contact.KEYS_VERSION));
    long done = 0;
    try (Stream<Contact> contacts = StorePages.stream(mongo, stale, Contact.class)) {
      for (Contact contact : (Iterable<Contact>) contacts::iterator) {
        Document written = new Document();
        mongo.getConverter().write(contact, written);
        Update keys = new Update().set("keysVersion", Contact.KEYS_VERSION);
        for (String key : KEYS) {
          if (written.get(key) != null) {
            keys.set(key, written.get(key));
          } else {
            keys.unset(key);
          }
        }
        Query unchanged =
            Query.query(
                Criteria.where("_id")
                    .is(contact.id())
                    .and("version")
                    .is(contact.currentVersion())
                    .and("keysVersion")
                    .ne(Contact.KEYS_VERSION));
        // by collection name: through the class, the store would count it a new version
        done += mongo.updateFirst(unchanged, keys, "contacts").getModifiedCount();
      }
    }
    return done;
  }
}
