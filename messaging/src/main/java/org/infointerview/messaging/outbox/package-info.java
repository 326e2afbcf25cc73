/**
 * The transactional outbox without multi-document transactions: a state change and its events are
 * one single-document write ({@link org.infointerview.messaging.outbox.AggregateStore}); the events
 * wait in the aggregate's own {@code outbox} array until the relay, on its own thread, claims the
 * document with a lease, publishes them in order and removes them.
 */
@NullMarked
package org.infointerview.messaging.outbox;

import org.jspecify.annotations.NullMarked;
