/**
 * Messaging written once for every service: the outbox ({@link
 * org.infointerview.messaging.outbox}), the idempotent consumer ({@link
 * org.infointerview.messaging.consumer}) and the Kafka wiring with dead-letter handling.
 */
@NullMarked
package org.infointerview.messaging;

import org.jspecify.annotations.NullMarked;
