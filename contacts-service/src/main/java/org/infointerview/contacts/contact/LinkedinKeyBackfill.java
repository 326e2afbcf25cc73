package org.infointerview.contacts.contact;

import java.util.stream.Stream;
import org.bson.Document;
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
 * Contacts stored before their LinkedIn address had a match key get it at start, a page at a time,
 * so that imports find them by it. A derived field only: no version, no event. Contacts written
 * since carry it already; a second start finds nothing to do.
 */
@Component
class LinkedinKeyBackfill {

  private static final Logger log = LoggerFactory.getLogger(LinkedinKeyBackfill.class);

  private final MongoTemplate mongo;

  LinkedinKeyBackfill(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @EventListener(ApplicationReadyEvent.class)
  void backfill() {
    Query missing =
        Query.query(
            Criteria.where("details.linkedinUrl")
                .exists(true)
                .ne(null)
                .and("linkedinKey")
                .exists(false));
    missing.fields().include("details.linkedinUrl");
    long done = 0;
    try (Stream<Document> contacts =
        StorePages.stream(mongo, missing, Document.class, "contacts", StorePages.DEFAULT_SIZE)) {
      for (Document contact : (Iterable<Document>) contacts::iterator) {
        Document details = contact.get("details", Document.class);
        String key = LinkedinKey.of(details == null ? null : details.getString("linkedinUrl"));
        if (key != null) {
          mongo.updateFirst(
              Query.query(
                  Criteria.where("_id").is(contact.get("_id")).and("linkedinKey").exists(false)),
              new Update().set("linkedinKey", key),
              "contacts");
          done++;
        }
      }
    }
    if (done > 0) {
      log.info("{} contacts got the match key of their LinkedIn address", done);
    }
  }
}
