package org.infointerview.messaging.store;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mapping.IdentifierAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every document a filter matches, read in pages of a bounded size ordered by {@code _id}, each
 * page asking for the documents after the last one read (keyset paging). A pass over a whole
 * collection (a search index build, an export, an undo) holds one page at a time whatever the store
 * does with cursors (Embedded-store workaround: it answers a find with its whole result at once),
 * so a plain stream of a million contacts is a million documents in the reader's heap. On MongoDB
 * each page is a range read of the {@code _id} index. A document written during the pass is read if
 * its {@code _id} comes after the page being read; each document is read at most once.
 */
public final class StorePages {

  /** Pages of this many documents unless a reader asks for another size. */
  public static final int DEFAULT_SIZE = 500;

  private StorePages() {}

  /**
   * The matches of {@code filter} (its criteria and field projection; its sort and limit are
   * replaced by the paging), read lazily, {@code size} at a time, in {@code _id} order.
   */
  public static <T> Stream<T> stream(
      MongoTemplate mongo, Query filter, Class<T> type, @Nullable String collection, int size) {
    if (filter.getQueryObject().containsKey("_id")) {
      throw new IllegalArgumentException("a paged filter must not name _id: the paging does");
    }
    Function<T, @Nullable Object> idOf = idReader(mongo, type);
    String target = collection == null ? mongo.getCollectionName(type) : collection;
    Iterator<T> pages =
        new Iterator<>() {
          private List<T> page = List.of();
          private int next;
          private @Nullable Object after;
          private boolean last;

          @Override
          public boolean hasNext() {
            if (next < page.size()) {
              return true;
            }
            if (last) {
              return false;
            }
            Document query = new Document(filter.getQueryObject());
            if (after != null) {
              query.append("_id", new Document("$gt", after));
            }
            Query read =
                new BasicQuery(query, filter.getFieldsObject())
                    .with(Sort.by("_id"))
                    .limit(size)
                    .cursorBatchSize(size);
            page = mongo.find(read, type, target);
            next = 0;
            last = page.size() < size;
            if (!page.isEmpty()) {
              after = idOf.apply(page.get(page.size() - 1));
            }
            return !page.isEmpty();
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return page.get(next++);
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** As {@link #stream(MongoTemplate, Query, Class, String, int)}, pages of the default size. */
  public static <T> Stream<T> stream(MongoTemplate mongo, Query filter, Class<T> type) {
    return stream(mongo, filter, type, null, DEFAULT_SIZE);
  }

  /**
   * Every document whose {@code field} holds {@code value} (a person's records), read page by page
   * and mapped as read: a list of what the mapping makes, for a caller that needs them all at once.
   */
  public static <T, R> List<R> all(
      MongoTemplate mongo, String field, Object value, Class<T> type, Function<T, R> mapping) {
    try (Stream<T> matches =
        stream(mongo, Query.query(Criteria.where(field).is(value)), type, null, DEFAULT_SIZE)) {
      return matches.map(mapping).toList();
    }
  }

  private static <T> Function<T, @Nullable Object> idReader(MongoTemplate mongo, Class<T> type) {
    if (Document.class.isAssignableFrom(type)) {
      return document -> ((Document) document).get("_id");
    }
    var entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
    return value -> {
      IdentifierAccessor ids = entity.getIdentifierAccessor(value);
      return ids.getIdentifier();
    };
  }
}
