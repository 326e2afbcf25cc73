/**
 * Test infrastructure shared by every module: one switch between Testcontainers and the embedded
 * broker and store, topic probes, golden events, and architecture rules.
 */
@NullMarked
package org.infointerview.testinfra;

import org.jspecify.annotations.NullMarked;
