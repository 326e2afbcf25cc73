package org.infointerview.contacts.export;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactResponse;
import org.infointerview.contacts.contact.ContactStatus;
import org.infointerview.messaging.store.StorePages;
import org.infointerview.support.export.PersonalArchive;
import org.infointerview.support.export.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * In a person's export: their own contacts (JSON, and the CSV the contacts page downloads), and the
 * directory's records of them (an alumnus' record with its consent history and provenance).
 */
@Component
class ContactsPersonalData implements PersonalData {

  private final MongoTemplate mongo;
  private final ContactExport csv;

  ContactsPersonalData(MongoTemplate mongo, ContactExport csv) {
    this.mongo = mongo;
    this.csv = csv;
  }

  @Override
  public void export(CurrentUser person, PersonalArchive archive) throws IOException {
    Query own = active("ownerId", person);
    archive.json("contacts.json", responses(own, person));
    archive.file("contacts.csv", out -> csv.write(active("ownerId", person), out));
    archive.json("records-about-you.json", responses(active("linkedUserId", person), person));
  }

  private static Query active(String field, CurrentUser person) {
    return Query.query(
        Criteria.where(field).is(person.id()).and("status").is(ContactStatus.ACTIVE));
  }

  private List<ContactResponse> responses(Query query, CurrentUser person) {
    try (Stream<Contact> contacts = StorePages.stream(mongo, query, Contact.class)) {
      return contacts.map(c -> ContactResponse.of(c, person)).toList();
    }
  }
}
