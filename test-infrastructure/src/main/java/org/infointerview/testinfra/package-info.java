/**
 * Test infrastructure shared by every module: one switch between Testcontainers and the embedded
 * broker and store, a Kafka broker in its own process for restart tests and the local run, topic
 * probes, and architecture rules.
 */
@NullMarked
package org.infointerview.testinfra;

import org.jspecify.annotations.NullMarked;
