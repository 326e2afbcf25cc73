package org.infointerview.contacts.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactStatus;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Staff decisions on probable matches. A merge keeps the survivor's id and folds the other record
 * into it (addresses, phones and tags united, provenance kept), hides the merged record and
 * announces ContactMerged so other services repoint their references; it is audited and can be
 * undone while the survivor has not changed since. Without transactions, the steps are ordered so
 * that a merge interrupted half-way is finished by doing it again.
 */
@Service
class MergeService {

  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final AuditLog audit;
  private final Clock clock;

  MergeService(MongoTemplate mongo, AggregateStore store, AuditLog audit, Clock clock) {
    this.mongo = mongo;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /** The reviews of one scope: the directory's (owner null) or one student's own contacts'. */
  List<MatchReview> reviews(@Nullable String owner, MatchStatus status, int page, int size) {
    return mongo.find(
        Query.query(ownedBy(owner).and("status").is(status))
            .with(Sort.by(Sort.Direction.DESC, "score").and(Sort.by("_id")))
            .skip((long) page * size)
            .limit(size),
        MatchReview.class);
  }

  /** A review of the scope; another's is as unknown as one that never was. */
  MatchReview review(@Nullable String owner, String id) {
    MatchReview review =
        mongo.findOne(
            Query.query(Criteria.where("_id").is(id).andOperator(ownedBy(owner))),
            MatchReview.class);
    if (review == null) {
      throw new NotFoundException("Match", id);
    }
    return review;
  }

  /** Records that the two are not the same person (or are, but both records stay). */
  MatchReview decide(CurrentUser admin, @Nullable String owner, String id, MatchStatus decision) {
    MatchReview review = review(owner, id);
    requireOpen(review);
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id).and("status").is(MatchStatus.OPEN)),
        new Update()
            .set("status", decision)
            .set("decidedBy", admin.id())
            .set("decidedAt", clock.instant()),
        MatchReview.class);
    return review(owner, id);
  }

  /** Folds one record of the pair into the other, which keeps its id. */
  MatchReview merge(CurrentUser admin, @Nullable String owner, String id, String survivorId) {
    MatchReview review = review(owner, id);
    requireOpen(review);
    if (!survivorId.equals(review.firstId()) && !survivorId.equals(review.secondId())) {
      throw new InvalidFieldException("survivorId", "must be one of the two records of this match");
    }
    String mergedId = survivorId.equals(review.firstId()) ? review.secondId() : review.firstId();
    Contact survivor = active(survivorId);
    Contact merged = active(mergedId);
    Instant now = clock.instant();
    audit.record(admin, "MERGE", "Contact", survivorId, null, "merged " + mergedId + " into it");
    // 1. the decision and the survivor as it was, so the merge can be finished or undone
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id).and("status").is(MatchStatus.OPEN)),
        new Update()
            .set("status", MatchStatus.MERGED)
            .set("decidedBy", admin.id())
            .set("decidedAt", now)
            .set("survivorId", survivorId)
            .set("mergedId", mergedId)
            .set("survivorBefore", survivor),
        MatchReview.class);
    // 2. the merged record hidden, with the fact other services act on
    Changed<Contact> absorbing = survivor.absorbing(merged, admin.id(), now);
    store.update(merged.mergedInto(absorbing.state(), now));
    // 3. the survivor with everything it absorbed
    store.update(absorbing);
    return review(owner, id);
  }

  /**
   * Undoes a merge: the survivor gets its earlier state back and the merged record is live again,
   * both announced as updates. Refused when the survivor changed since the merge.
   */
  MatchReview undoMerge(CurrentUser admin, @Nullable String owner, String id) {
    MatchReview review = review(owner, id);
    if (review.status() != MatchStatus.MERGED || review.survivorBefore() == null) {
      throw new InvalidFieldException("status", "only a merge can be undone");
    }
    Contact survivor = mongo.findById(review.survivorId(), Contact.class);
    Contact merged = mongo.findById(review.mergedId(), Contact.class);
    if (survivor == null || merged == null || merged.status() != ContactStatus.MERGED) {
      throw new InvalidFieldException("status", "the merged records are gone");
    }
    if (survivor.currentVersion() != review.survivorBefore().currentVersion() + 1) {
      throw new OptimisticLockingFailureException(
          "Contact " + survivor.id() + " was changed after the merge; undo it by hand");
    }
    Instant now = clock.instant();
    audit.record(admin, "MERGE_UNDONE", "Contact", survivor.id(), null, "undid merge " + id);
    store.update(survivor.withStateOf(review.survivorBefore(), now));
    store.update(merged.unmerged(null, now));
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id)),
        new Update()
            .set("status", MatchStatus.OPEN)
            .unset("survivorBefore")
            .unset("survivorId")
            .unset("mergedId")
            .set("decidedBy", admin.id())
            .set("decidedAt", now),
        MatchReview.class);
    return review(owner, id);
  }

  private Contact active(String id) {
    Contact contact = mongo.findById(id, Contact.class);
    if (contact == null || contact.status() != ContactStatus.ACTIVE) {
      throw new InvalidFieldException("status", "contact " + id + " is no longer active");
    }
    return contact;
  }

  private static void requireOpen(MatchReview review) {
    if (review.status() != MatchStatus.OPEN) {
      throw new InvalidFieldException(
          "status", "this match was already decided (" + review.status() + ")");
    }
  }

  private static Criteria ownedBy(@Nullable String owner) {
    return owner == null ? Criteria.where("ownerId").isNull() : Criteria.where("ownerId").is(owner);
  }
}
