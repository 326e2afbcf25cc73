package org.infointerview.messaging.outbox;

import org.bson.Document;

/**
 * An aggregate of one type written as its stored document by hand, for {@link BulkInserts} only:
 * Spring Data's converter looks up a conversion for every property of every aggregate, which a bulk
 * write of thousands feels. A writer must write what the converter writes, field for field (its
 * service's test compares both on an aggregate with every field set); reads and every other write
 * stay Spring Data's. A type without one is written by the converter.
 *
 * @param <T> the aggregate type
 */
public interface DocumentWriter<T> {

  /** The aggregate type this writer writes. */
  Class<T> type();

  /** The document of an aggregate, as Spring Data's converter would write it. */
  Document write(T aggregate);
}
