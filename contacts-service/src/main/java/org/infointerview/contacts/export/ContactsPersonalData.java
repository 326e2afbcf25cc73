package org.infointerview.contacts.export;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactResponse;
import org.infointerview.contacts.contact.ContactStatus;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.store.StorePages;
import org.infointerview.support.personal.PersonalArchive;
import org.infointerview.support.personal.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * A person's own contacts (JSON, and the CSV the contacts page downloads) and the directory's
 * records of them (an alumnus' record with its consent history and provenance): in their export,
 * and erased with them, each as an erasure of its own (ContactErased), so every service forgets the
 * contact too.
 */
@Component
class ContactsPersonalData implements PersonalData {

  private final MongoTemplate mongo;
  private final ContactExport csv;
  private final AggregateStore store;
  private final Clock clock;

  ContactsPersonalData(MongoTemplate mongo, ContactExport csv, AggregateStore store, Clock clock) {
    this.mongo = mongo;
    this.csv = csv;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void export(CurrentUser person, PersonalArchive archive) throws IOException {
    archive.json("contacts.json", responses(active("ownerId", person.id()), person));
    archive.file("contacts.csv", out -> csv.write(active("ownerId", person.id()), out));
    archive.json("records-about-you.json", responses(active("linkedUserId", person.id()), person));
  }

  @Override
  public void erase(String personId) {
    Instant now = clock.instant();
    for (String field : List.of("ownerId", "linkedUserId")) {
      try (Stream<Contact> contacts =
          StorePages.stream(mongo, active(field, personId), Contact.class)) {
        contacts.forEach(contact -> store.update(contact.erased(now)));
      }
    }
  }

  private static Query active(String field, String personId) {
    return Query.query(Criteria.where(field).is(personId).and("status").is(ContactStatus.ACTIVE));
  }

  private List<ContactResponse> responses(Query query, CurrentUser person) {
    try (Stream<Contact> contacts = StorePages.stream(mongo, query, Contact.class)) {
      return contacts.map(c -> ContactResponse.of(c, person)).toList();
    }
  }
}
