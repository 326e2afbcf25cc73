/** Benchmarks that print ratios; run by hand, never as tests. */
@NullMarked
package org.infointerview.benchmarks;

import org.jspecify.annotations.NullMarked;
