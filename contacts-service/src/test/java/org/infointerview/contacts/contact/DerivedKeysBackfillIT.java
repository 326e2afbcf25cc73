package org.infointerview.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

/** Contacts stored with an older release's derived keys get this release's at start. */
@ServiceIT
class DerivedKeysBackfillIT {

  @Autowired MongoTemplate mongo;
  @Autowired AggregateStore store;
  @Autowired DerivedKeysBackfill backfill;

  @Test
  void aContactStoredWithOlderKeysGetsTodaysAndNothingElseChanges() {
    String family = "Müller" + UUID.randomUUID().toString().replace("-", "");
    Contact contact = new InstitutionContacts(store).optedInAlumnus(family);
    Query byId = Query.query(Criteria.where("_id").is(contact.id()));
    Document today = mongo.findOne(byId, Document.class, "contacts");
    // as an older release stored it: accents stripped only, no LinkedIn key, no keys version
    mongo.updateFirst(
        byId,
        new Update()
            .set("details.linkedinUrl", "https://www.linkedin.com/in/" + family + "/")
            .set("searchTokens", List.of("muller"))
            .unset("linkedinKey")
            .unset("keysVersion"),
        "contacts");

    backfill.backfill();

    Document after = mongo.findOne(byId, Document.class, "contacts");
    assertThat(after.getString("linkedinKey")).isEqualTo("linkedin.com/in/" + family.toLowerCase());
    assertThat(after.getList("searchTokens", String.class))
        .contains("mueller" + family.substring(6).toLowerCase());
    assertThat(after.getInteger("keysVersion")).isEqualTo(Contact.KEYS_VERSION);
    assertThat(after.get("version")).isEqualTo(today.get("version"));
  }
}
