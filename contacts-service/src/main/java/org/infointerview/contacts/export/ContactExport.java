package org.infointerview.contacts.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.infointerview.contacts.contact.AlumniFacts;
import org.infointerview.contacts.contact.Consent;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactDetails;
import org.infointerview.contacts.contact.ContactStatus;
import org.infointerview.messaging.store.StorePages;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.csv.SpreadsheetCells;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Contacts as a CSV file for spreadsheets: a student's own contacts, or (admins, audited) the whole
 * directory of institution contacts. Streamed from the store, never whole in memory; every text
 * cell is neutralized so a spreadsheet never runs it as a formula.
 */
@Component
class ContactExport {

  static final List<String> COLUMNS =
      List.of(
          "id",
          "source",
          "givenName",
          "familyName",
          "preferredName",
          "pronouns",
          "emails",
          "phones",
          "linkedinUrl",
          "organizationName",
          "jobTitle",
          "industry",
          "careerFields",
          "city",
          "region",
          "country",
          "timeZone",
          "externalAlumniId",
          "graduationYear",
          "degree",
          "major",
          "college",
          "tags",
          "notes",
          "optedIn",
          "contactPreference",
          "doNotContact");

  private final MongoTemplate mongo;
  private final AuditLog audit;

  ContactExport(MongoTemplate mongo, AuditLog audit) {
    this.mongo = mongo;
    this.audit = audit;
  }

  /** The query for what the caller may export; admins' exports are audited here. */
  Query scopeFor(CurrentUser caller, String scope) {
    Criteria active = Criteria.where("status").is(ContactStatus.ACTIVE);
    if ("directory".equals(scope)) {
      if (!caller.has(Role.ADMIN)) {
        throw new AccessDeniedException("only admins export the directory");
      }
      audit.record(caller, "EXPORT", "Contact", "directory", null, "directory export (CSV)");
      return Query.query(active.and("ownerId").isNull());
    }
    if (!caller.has(Role.STUDENT)) {
      throw new AccessDeniedException("only students have contacts of their own");
    }
    return Query.query(active.and("ownerId").is(caller.id()));
  }

  void write(Query query, OutputStream out) throws IOException {
    try (Stream<Contact> contacts = StorePages.stream(mongo, query, Contact.class);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = CSVFormat.RFC4180.builder().get().print(writer)) {
      writer.write('\uFEFF');
      csv.printRecord(COLUMNS);
      for (Contact contact : (Iterable<Contact>) contacts::iterator) {
        csv.printRecord(row(contact));
      }
    }
  }

  private static List<String> row(Contact contact) {
    ContactDetails d = contact.details();
    AlumniFacts a = d.alumni();
    Consent c = contact.consent();
    return List.of(
        contact.id(),
        contact.source().name(),
        cell(d.givenName()),
        cell(d.familyName()),
        cell(d.preferredName()),
        cell(d.pronouns()),
        cell(String.join("; ", d.emails())),
        cell(String.join("; ", d.phones())),
        cell(d.linkedinUrl()),
        cell(d.organizationName()),
        cell(d.jobTitle()),
        cell(d.industry()),
        cell(String.join("; ", d.careerFields())),
        cell(d.city()),
        cell(d.region()),
        cell(d.country()),
        cell(d.timeZone()),
        cell(a == null ? null : a.externalId()),
        a == null || a.graduationYear() == null ? "" : a.graduationYear().toString(),
        cell(a == null ? null : a.degree()),
        cell(a == null ? null : a.major()),
        cell(a == null ? null : a.college()),
        cell(String.join("; ", d.tags())),
        cell(d.notes()),
        String.valueOf(c.optedIn()),
        c.preference().name(),
        String.valueOf(c.doNotContact()));
  }

  private static String cell(@Nullable String value) {
    return SpreadsheetCells.safe(value);
  }
}
