package org.infointerview.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.infointerview.messaging.outbox.PlainBson;
import org.infointerview.testinfra.ServiceIT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * The import's hand-written contact documents are Spring Data's, field for field: on contacts with
 * every field set (the test first checks that they are, so a field added to the contact and not to
 * the writer fails here) and on a contact with little more than a name; with an id that reads as an
 * ObjectId (the store's ids) and one that does not.
 */
@ServiceIT
class ContactDocumentIT {

  private static final Instant T1 = Instant.parse("2026-03-01T10:15:30.123456789Z");
  private static final Instant T2 = Instant.parse("2026-04-02T11:00:00.5Z");

  @Autowired MongoTemplate mongo;
  @Autowired ContactDocument writer;

  @Test
  void everyFieldIsWrittenAsSpringDataWritesIt() {
    List<Contact> contacts = List.of(alumnus(), owned(), bare());
    Set<String> covered = new LinkedHashSet<>();
    for (Contact contact : contacts) {
      Document theirs = springData(contact);
      Document mine = writer.write(contact);

      assertThat(mine).isEqualTo(theirs);
      assertThat(PlainBson.encode(mine))
          .as("plain values only: an import's bulk insert sends it as its own BSON bytes")
          .isNotNull();
      // and it reads back through Spring Data as the same contact
      assertThat(springData(mongo.getConverter().read(Contact.class, mine))).isEqualTo(theirs);
      paths(theirs, "", covered);
    }
    assertThat(covered).containsAll(properties(Contact.class, ""));
  }

  /** An institution's alumnus with every field a live directory record can have. */
  private static Contact alumnus() {
    Consent consent =
        new Consent(
            true,
            T1,
            ConsentActor.IMPORT,
            ContactPreference.SHOW_EMAIL,
            ContactChannel.PHONE,
            3,
            T2,
            false);
    Consent before =
        new Consent(
            false,
            null,
            null,
            ContactPreference.VIA_PLATFORM,
            ContactChannel.EMAIL,
            null,
            null,
            true);
    return new Contact(
        "6b15b482092507356dfbea8f",
        null,
        ContactSource.ALUMNI_IMPORT,
        ContactStatus.ACTIVE,
        null,
        details("Søren", "A-1"),
        consent,
        List.of(
            new ConsentChange(before, ConsentActor.ADMIN, "admin-1", T1),
            new ConsentChange(consent, ConsentActor.SELF, null, T2)),
        List.of(
            new Provenance("IMPORT", "job-1", 7L, T1, List.of("givenName", "emails")),
            new Provenance(Provenance.DERIVED, "mapping", null, T2, List.of("careerFields"))),
        "user-9",
        null,
        new ImportMark("job-1", false, details("Soren", "A-1"), consent, 4, T2),
        T1,
        T2,
        5L,
        null);
  }

  /** A student's own contact, referred, later merged into another. */
  private static Contact owned() {
    return new Contact(
        "c-owned",
        "student-1",
        ContactSource.REFERRAL,
        ContactStatus.MERGED,
        "c-alumnus",
        details("Łukasz", null),
        Consent.personal(),
        List.of(),
        List.of(),
        null,
        "c-alumnus",
        new ImportMark("job-2", true, null, null, 0, T1),
        T1,
        T1,
        null,
        null);
  }

  private static Contact bare() {
    ContactDetails details =
        new ContactDetails(
            "Ana", "", null, null, List.of(), List.of(), null, null, null, null, List.of(), null,
            null, null, null, null, List.of(), null);
    return new Contact(
        "c-bare",
        null,
        ContactSource.PERSONAL,
        ContactStatus.ACTIVE,
        null,
        details,
        Consent.personal(),
        List.of(),
        List.of(),
        null,
        null,
        null,
        T2,
        T2,
        null,
        null);
  }

  private static ContactDetails details(String given, @Nullable String alumniId) {
    return new ContactDetails(
        given,
        "O'Brien-Müller",
        "Sory",
        "he/him",
        List.of("soren@example.org", "S.OBrien@Example.com"),
        List.of("+4520123456"),
        "https://www.linkedin.com/in/soren-obrien/",
        "Acme & Co. GmbH",
        "Senior Data Engineer",
        "Technology",
        List.of("Data Science", "Software"),
        "Copenhagen",
        "Capital Region",
        "DK",
        "Europe/Copenhagen",
        new AlumniFacts(alumniId, 2011, "MSc", "Computer Science", "Engineering"),
        List.of("mentor", "fair-2026"),
        "Met at the spring career fair.\nPrefers email.");
  }

  private Document springData(Contact contact) {
    Document document = new Document();
    mongo.getConverter().write(contact, document);
    return document;
  }

  /** Every key path of a document, into lists' documents. */
  private static void paths(Object value, String prefix, Set<String> into) {
    if (value instanceof Document document) {
      document.forEach(
          (key, inner) -> {
            into.add(prefix + key);
            paths(inner, prefix + key + ".", into);
          });
    } else if (value instanceof List<?> list) {
      list.forEach(element -> paths(element, prefix, into));
    }
  }

  /** Every property path of a stored type, into its nested entities and their lists. */
  private List<String> properties(Class<?> type, String prefix) {
    List<String> paths = new ArrayList<>();
    MongoPersistentEntity<?> entity =
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
    for (MongoPersistentProperty property : entity) {
      String path = prefix + property.getFieldName();
      paths.add(path);
      Class<?> inner = property.getActualType();
      PersistentEntity<?, ?> nested =
          property.isEntity()
              ? mongo.getConverter().getMappingContext().getPersistentEntity(inner)
              : null;
      if (nested != null && !inner.isEnum()) {
        paths.addAll(properties(inner, path + "."));
      }
    }
    return paths;
  }
}
