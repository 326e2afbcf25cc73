package org.infointerview.messaging.meters;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A reading for gauges that is taken from the store at most once per {@code freshFor}, however
 * often the gauges are scraped (several gauges share one reading, and scrapers come often): the
 * store pays for one read every few seconds, not one per gauge per scrape.
 *
 * @param <T> what one read gives
 */
public final class FreshReading<T> {

  private final long freshForNanos;
  private final Supplier<T> read;
  private long readAt;
  private T last;

  public FreshReading(Duration freshFor, Supplier<T> read) {
    this.freshForNanos = freshFor.toNanos();
    this.read = read;
  }

  /** The last reading if it is fresh, else a new one. */
  public synchronized T get() {
    long now = System.nanoTime();
    if (last == null || now - readAt >= freshForNanos) {
      last = read.get();
      readAt = now;
    }
    return last;
  }
}
