package org.infointerview.contacts.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.infointerview.messaging.outbox.DocumentWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A contact as its stored document, written by hand for an import's bulk inserts: Spring Data's
 * converter looked up a conversion for every property of every contact, two thirds of an import
 * job's own work (JFR, 2026-12-06). It writes what the converter writes, field for field, nulls
 * left out ({@code ContactDocumentIT} compares both on a contact with every field set, and fails
 * when a field is added to the contact and not here); reads and every other write stay Spring
 * Data's.
 */
@Component
class ContactDocument implements DocumentWriter<Contact> {

  @Override
  public Class<Contact> type() {
    return Contact.class;
  }

  @Override
  public Document write(Contact contact) {
    // as Spring Data stores a String id: an ObjectId when it reads as one
    Document d =
        new Document(
            "_id", ObjectId.isValid(contact.id()) ? new ObjectId(contact.id()) : contact.id());
    put(d, "ownerId", contact.ownerId());
    d.put("source", contact.source().name());
    d.put("status", contact.status().name());
    put(d, "mergedInto", contact.mergedIntoId());
    d.put("details", details(contact.details()));
    d.put("consent", consent(contact.consent()));
    List<Document> history = new ArrayList<>(contact.consentHistory().size());
    for (ConsentChange change : contact.consentHistory()) {
      Document c = new Document("consent", consent(change.consent()));
      c.put("actor", change.actor().name());
      put(c, "actorId", change.actorId());
      c.put("at", date(change.at()));
      history.add(c);
    }
    d.put("consentHistory", history);
    List<Document> provenance = new ArrayList<>(contact.provenance().size());
    for (Provenance p : contact.provenance()) {
      Document o = new Document("origin", p.origin());
      o.put("reference", p.reference());
      put(o, "row", p.row());
      o.put("at", date(p.at()));
      o.put("fields", new ArrayList<>(p.fields()));
      provenance.add(o);
    }
    d.put("provenance", provenance);
    put(d, "linkedUserId", contact.linkedUserId());
    put(d, "referredBy", contact.referredBy());
    ImportMark mark = contact.importMark();
    if (mark != null) {
      Document m = new Document("importId", mark.importId());
      m.put("created", mark.created());
      ContactDetails before = mark.before();
      if (before != null) {
        m.put("before", details(before));
      }
      Consent consentBefore = mark.consentBefore();
      if (consentBefore != null) {
        m.put("consentBefore", consent(consentBefore));
      }
      m.put("versionAfter", mark.versionAfter());
      m.put("at", date(mark.at()));
      d.put("importMark", m);
    }
    d.put("searchTokens", new ArrayList<>(contact.searchTokens()));
    d.put("titleTokens", new ArrayList<>(contact.titleTokens()));
    d.put("emailKeys", new ArrayList<>(contact.emailKeys()));
    put(d, "linkedinKey", contact.linkedinKey());
    d.put("nameKey", contact.nameKey());
    put(d, "familyKey", contact.familyKey());
    put(d, "organizationKey", contact.organizationKey());
    d.put("keysVersion", Contact.KEYS_VERSION);
    put(d, "externalAlumniId", contact.uniqueAlumniId());
    d.put("createdAt", date(contact.createdAt()));
    d.put("updatedAt", date(contact.updatedAt()));
    put(d, "version", contact.version());
    d.put("_class", Contact.class.getName());
    return d;
  }

  private static Document details(ContactDetails details) {
    Document d = new Document("givenName", details.givenName());
    d.put("familyName", details.familyName());
    put(d, "preferredName", details.preferredName());
    put(d, "pronouns", details.pronouns());
    d.put("emails", new ArrayList<>(details.emails()));
    d.put("phones", new ArrayList<>(details.phones()));
    put(d, "linkedinUrl", details.linkedinUrl());
    put(d, "organizationName", details.organizationName());
    put(d, "jobTitle", details.jobTitle());
    put(d, "industry", details.industry());
    d.put("careerFields", new ArrayList<>(details.careerFields()));
    put(d, "city", details.city());
    put(d, "region", details.region());
    put(d, "country", details.country());
    put(d, "timeZone", details.timeZone());
    AlumniFacts alumni = details.alumni();
    if (alumni != null) {
      Document a = new Document();
      put(a, "externalId", alumni.externalId());
      put(a, "graduationYear", alumni.graduationYear());
      put(a, "degree", alumni.degree());
      put(a, "major", alumni.major());
      put(a, "college", alumni.college());
      d.put("alumni", a);
    }
    d.put("tags", new ArrayList<>(details.tags()));
    put(d, "notes", details.notes());
    return d;
  }

  private static Document consent(Consent consent) {
    Document c = new Document("optedIn", consent.optedIn());
    put(c, "optedInAt", date(consent.optedInAt()));
    ConsentActor source = consent.optInSource();
    put(c, "optInSource", source == null ? null : source.name());
    c.put("preference", consent.preference().name());
    c.put("channel", consent.channel().name());
    put(c, "maxRequestsPerMonth", consent.maxRequestsPerMonth());
    put(c, "pausedUntil", date(consent.pausedUntil()));
    c.put("doNotContact", consent.doNotContact());
    return c;
  }

  private static @Nullable Date date(@Nullable Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static void put(Document document, String key, @Nullable Object value) {
    if (value != null) {
      document.put(key, value);
    }
  }
}
