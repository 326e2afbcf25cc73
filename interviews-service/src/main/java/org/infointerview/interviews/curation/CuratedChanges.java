package org.infointerview.interviews.curation;

import java.util.function.Predicate;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.problem.PreconditionException;
import org.infointerview.support.security.CurrentUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * A change to something the center curates (a question, a template): made only over the version the
 * caller read (412 otherwise, a race included), and audited by what it did: changed, retired,
 * offered again.
 */
@Component
public class CuratedChanges {

  /**
   * What is curated.
   *
   * @param action the audit actions' start, such as {@code QUESTION}
   * @param resource the audit's resource type, such as {@code Question}
   * @param retired whether one is retired
   */
  public record Kind<T>(String action, String resource, Predicate<T> retired) {}

  private final AggregateStore store;
  private final AuditLog audit;

  CuratedChanges(AggregateStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  /** 412 unless the caller read the current version. */
  public void requireRead(Kind<?> kind, String id, long current, long read) {
    if (current != read) {
      throw PreconditionException.changed(kind.resource() + " " + id);
    }
  }

  /**
   * Writes the change of {@code current} (nothing when it changes nothing) and records it as the
   * kind's {@code _CHANGED}, {@code _RETIRED} or {@code _OFFERED_AGAIN}.
   */
  public <T> T write(
      CurrentUser staff, Kind<T> kind, String id, T current, Changed<T> change, String purpose) {
    if (!change.changed()) {
      return current;
    }
    T written;
    try {
      written = store.update(change);
    } catch (OptimisticLockingFailureException raced) {
      throw PreconditionException.changed(kind.resource() + " " + id);
    }
    boolean was = kind.retired().test(current);
    boolean is = kind.retired().test(written);
    String action = was == is ? "_CHANGED" : is ? "_RETIRED" : "_OFFERED_AGAIN";
    audit.record(staff, kind.action() + action, kind.resource(), id, null, purpose);
    return written;
  }
}
