package org.infointerview.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.bson.Document;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.testinfra.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Contacts stored before LinkedIn addresses had a match key get theirs at start. */
@ServiceIT
class LinkedinKeyBackfillIT {

  @Autowired MongoTemplate mongo;
  @Autowired AggregateStore store;
  @Autowired LinkedinKeyBackfill backfill;

  @Test
  void aContactStoredWithoutTheKeyGetsItAndNothingElseChanges() {
    String family = "Backfill" + UUID.randomUUID().toString().replace("-", "");
    Contact contact = new InstitutionContacts(store).optedInAlumnus(family);
    Query byId = Query.query(Criteria.where("_id").is(contact.id()));
    mongo.updateFirst(
        byId,
        new Update()
            .set("details.linkedinUrl", "https://www.linkedin.com/in/" + family + "/")
            .unset("linkedinKey"),
        "contacts");
    Document before = mongo.findOne(byId, Document.class, "contacts");

    backfill.backfill();

    Document after = mongo.findOne(byId, Document.class, "contacts");
    assertThat(after.getString("linkedinKey")).isEqualTo("linkedin.com/in/" + family.toLowerCase());
    after.remove("linkedinKey");
    assertThat(after).isEqualTo(before);
  }
}
