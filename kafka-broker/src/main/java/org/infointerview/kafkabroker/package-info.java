/**
 * A real Kafka broker in a process of its own, for the local run and for tests that stop and start
 * the broker: the one thing both need, kept out of the test infrastructure so the local run carries
 * no test libraries.
 */
@NullMarked
package org.infointerview.kafkabroker;

import org.jspecify.annotations.NullMarked;
