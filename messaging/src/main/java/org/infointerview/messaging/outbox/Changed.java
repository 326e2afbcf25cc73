package org.infointerview.messaging.outbox;

import java.util.ArrayList;
import java.util.List;
import org.infointerview.events.IntegrationEvent;

/**
 * What an aggregate's decision produced: its new state and the facts the change caused, which
 * {@link AggregateStore} writes in one single-document write. Aggregates return it from every
 * transition (as FTGO's {@code Order} returns its events); callers never make events themselves.
 *
 * @param state the aggregate to store: the same object it was asked to change when nothing changed
 * @param events the facts for other services, each about its {@link IntegrationEvent#subject()}
 * @param changed false when the aggregate decided nothing changed: then nothing is written
 * @param forgetsUnsent true for an erasure ({@link #erasing}): the aggregate's events that have not
 *     gone out yet are dropped with the state they told of, and only these events go out
 */
public record Changed<T>(
    T state, List<IntegrationEvent> events, boolean changed, boolean forgetsUnsent) {

  public Changed {
    events = List.copyOf(events);
  }

  /** A new or changed state and the facts it causes (none for a purely internal change). */
  public static <T> Changed<T> to(T state, IntegrationEvent... events) {
    return new Changed<>(state, List.of(events), true, false);
  }

  /**
   * The erasure of an aggregate's personal data: its new state and the facts of the erasure. The
   * events still waiting to be sent, in its own outbox or in the batch of its creation, told of
   * what is erased; they are dropped, so the store keeps nothing of it. An event a relay is sending
   * at that moment still goes out, before these.
   */
  public static <T> Changed<T> erasing(T state, IntegrationEvent... events) {
    return new Changed<>(state, List.of(events), true, true);
  }

  /** The aggregate, unchanged: nothing to write, nothing to tell. */
  public static <T> Changed<T> nothing(T unchanged) {
    return new Changed<>(unchanged, List.of(), false, false);
  }

  /** This change with another fact added, about the same decision. */
  public Changed<T> and(IntegrationEvent event) {
    List<IntegrationEvent> all = new ArrayList<>(events);
    all.add(event);
    return new Changed<>(state, all, true, forgetsUnsent);
  }
}
