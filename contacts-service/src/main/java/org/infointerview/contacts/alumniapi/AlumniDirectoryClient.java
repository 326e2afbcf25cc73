package org.infointerview.contacts.alumniapi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The alumni database as the sync reads it: pages of alumni changed since a moment, oldest change
 * first. Transient trouble (5xx, 429, resets, stalls) is retried inside; what cannot be retried
 * ends in an {@link AlumniDirectoryException} that says what went wrong.
 */
public interface AlumniDirectoryClient extends AutoCloseable {

  /**
   * One page of alumni.
   *
   * @param updatedSince only records changed at or after this moment; null for all
   * @param position where to go on from, as the previous page said ({@link AlumniPage#next()});
   *     null for the first page
   */
  AlumniPage page(@Nullable Instant updatedSince, @Nullable String position);

  @Override
  void close();
}
