package org.infointerview.interviews.curation;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.problem.ConflictException;
import org.infointerview.support.problem.PreconditionException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * A change to something the center curates (a question, a template): added while there is room,
 * changed only over the version the caller read (412 otherwise, a race included), and audited by
 * what it did: added, changed, retired, offered again.
 */
@Component
public class CuratedChanges {

  /**
   * What is curated.
   *
   * @param action the audit actions' start, such as {@code QUESTION}
   * @param resource the audit's resource type, such as {@code Question}
   * @param type its stored class
   * @param most how many the center keeps, retired ones included
   * @param full the refusal's reason and words when there are that many
   */
  public record Kind<T extends Curated>(
      String action, String resource, Class<T> type, int most, Full full) {}

  /** The refusal of one more when a kind has its most. */
  public record Full(String reason, String words) {}

  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final AuditLog audit;

  CuratedChanges(MongoTemplate mongo, AggregateStore store, AuditLog audit) {
    this.mongo = mongo;
    this.store = store;
    this.audit = audit;
  }

  /**
   * Stores a new one and records it as the kind's {@code _ADDED}; 409 with the kind's words when
   * the center keeps its most already.
   */
  public <T extends Curated> T add(CurrentUser staff, Kind<T> kind, T added, String purpose) {
    if (mongo.count(new Query(), kind.type()) >= kind.most()) {
      throw new ConflictException(kind.full().reason(), kind.full().words());
    }
    T stored = store.insert(Changed.to(added));
    audit.record(staff, kind.action() + "_ADDED", kind.resource(), stored.id(), null, purpose);
    return stored;
  }

  /** 412 unless the caller read the current version. */
  public void requireRead(Kind<?> kind, Curated current, long read) {
    if (current.currentVersion() != read) {
      throw PreconditionException.changed(kind.resource() + " " + current.id());
    }
  }

  /** The first of {@code among}, other than {@code except}, that is the same as what is written. */
  public static <T extends Curated> Optional<T> twin(
      Collection<T> among, @Nullable String except, Predicate<T> same) {
    return among.stream().filter(c -> !c.id().equals(except)).filter(same).findFirst();
  }

  /**
   * Writes the change of {@code current} (nothing when it changes nothing) and records it as the
   * kind's {@code _CHANGED}, {@code _RETIRED} or {@code _OFFERED_AGAIN}.
   */
  public <T extends Curated> T write(
      CurrentUser staff, Kind<T> kind, T current, Changed<T> change, String purpose) {
    if (!change.changed()) {
      return current;
    }
    T written;
    try {
      written = store.update(change);
    } catch (OptimisticLockingFailureException raced) {
      throw PreconditionException.changed(kind.resource() + " " + current.id());
    }
    boolean was = current.retired();
    boolean is = written.retired();
    String action = was == is ? "_CHANGED" : is ? "_RETIRED" : "_OFFERED_AGAIN";
    audit.record(staff, kind.action() + action, kind.resource(), current.id(), null, purpose);
    return written;
  }
}
