package org.infointerview.interviews.contact;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.infointerview.messaging.consumer.ReadModels;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the contact read model. Every write is guarded by the contact's version, so a redelivered
 * or late event never overwrites newer facts: an upsert that matches no older version collides with
 * the newer document's id and is dropped.
 */
@Component
class ContactSnapshots {

  /** The ids of contacts erased or merged away: never written again. */
  static final String GONE = "contacts_gone";

  private final MongoTemplate mongo;
  private final Clock clock;

  ContactSnapshots(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
    ReadModels.prepare(mongo, ContactSnapshot.COLLECTION, "contactVersion");
  }

  /**
   * Applies version-guarded writes of {@link #write}, as if one by one in order; a contact erased
   * or merged away is never written again (an older fact of it read anew would bring it back).
   */
  void applyAll(List<ReadModels.VersionedWrite> writes) {
    if (writes.isEmpty()) {
      return;
    }
    // the driver's own filter: ids as written, never taken for ObjectIds on one side only
    Set<Object> gone = new HashSet<>();
    mongo
        .getCollection(GONE)
        .find(Filters.in("_id", writes.stream().map(ReadModels.VersionedWrite::id).toList()))
        .forEach(d -> gone.add(d.get("_id")));
    ReadModels.writeAll(
        mongo,
        ContactSnapshot.COLLECTION,
        "contactVersion",
        gone.isEmpty() ? writes : writes.stream().filter(w -> !gone.contains(w.id())).toList());
  }

  /** A contact's full state, written if newer than what is stored (created if absent). */
  ReadModels.VersionedWrite write(ContactFacts.ContactState state) {
    ContactFacts.Consent consent = state.consent();
    Update update =
        new Update()
            .set("ownerId", state.ownerId())
            .set("linkedUserId", state.linkedUserId())
            .set("source", state.source())
            .set("displayName", state.displayName())
            .set("organizationName", state.organizationName())
            .set("jobTitle", state.jobTitle())
            .set("careerFields", state.careerFields() == null ? List.of() : state.careerFields())
            .set("timeZone", state.timeZone())
            .set("updatedAt", clock.instant());
    setConsent(update, consent);
    return new ReadModels.VersionedWrite(state.contactId(), state.version(), update, true);
  }

  /** Institution contacts (no student owns them) who opted in to be asked. */
  long volunteers() {
    return mongo.count(
        Query.query(Criteria.where("optedIn").is(true).and("ownerId").isNull()),
        ContactSnapshot.COLLECTION);
  }

  /** A consent change of a known contact, written if newer (a contact not known stays so). */
  ReadModels.VersionedWrite write(ContactFacts.ConsentChanged change) {
    Update update = new Update().set("updatedAt", clock.instant());
    setConsent(update, change.consent());
    return new ReadModels.VersionedWrite(change.contactId(), change.version(), update, false);
  }

  /** A contact erased or merged away: gone, and kept as gone (its id only). */
  void remove(String contactId) {
    mongo
        .getCollection(GONE)
        .replaceOne(
            Filters.eq("_id", contactId),
            new Document("_id", contactId),
            new ReplaceOptions().upsert(true));
    mongo.remove(new Query(Criteria.where("_id").is(contactId)), ContactSnapshot.COLLECTION);
  }

  /**
   * The contacts that are this platform user (an alumnus who signed in is linked to their record),
   * at most a few; the query reads every snapshot on the embedded store, which has no index for it.
   */
  List<String> linkedTo(String userId) {
    Query linked = Query.query(Criteria.where("linkedUserId").is(userId)).limit(20);
    linked.fields().include("_id");
    return mongo.find(linked, Document.class, ContactSnapshot.COLLECTION).stream()
        .map(d -> String.valueOf(d.get("_id")))
        .toList();
  }

  Optional<ContactSnapshot> find(String contactId) {
    return Optional.ofNullable(mongo.findById(contactId, ContactSnapshot.class));
  }

  private static void setConsent(Update update, ContactFacts.Consent consent) {
    update
        .set("optedIn", consent.optedIn())
        .set("contactPreference", consent.contactPreference())
        .set("maxRequestsPerMonth", consent.maxRequestsPerMonth())
        .set("pausedUntil", consent.pausedUntil())
        .set("doNotContact", consent.doNotContact());
  }
}
