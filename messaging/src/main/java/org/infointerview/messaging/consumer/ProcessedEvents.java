package org.infointerview.messaging.consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The duplicate check every consumer uses: an event's effect runs once per consumer, recorded by
 * event id in {@value #COLLECTION} (its {@code _id}, unique by nature). The effect runs before the
 * record is written, so a failing effect is retried, never lost; a process that dies between the
 * two would run it again, which is why effects are upserts keyed by business id where they can be.
 */
public class ProcessedEvents {

  public static final String COLLECTION = "processed_events";
  private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

  private final MongoTemplate mongo;
  private final Clock clock;

  public ProcessedEvents(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * Runs the effect unless this consumer already processed the event.
   *
   * @return whether the effect ran
   */
  public boolean once(String consumer, IncomingEvent event, Runnable effect) {
    String key = consumer + "/" + event.id();
    if (recorded(key)) {
      log.debug("{} already processed {} {}", consumer, event.type(), event.id());
      return false;
    }
    effect.run();
    try {
      mongo.insert(record(key, consumer, event), COLLECTION);
    } catch (DuplicateKeyException concurrent) {
      log.debug("{} processed {} concurrently", consumer, event.id());
    }
    return true;
  }

  /**
   * The batch form of {@link #once}: runs the effect once, for the events of the batch this
   * consumer has not processed yet (in their order, each id once), then records them. Two store
   * round trips for the whole batch instead of two per event.
   *
   * @return the events the effect ran for
   */
  public List<IncomingEvent> onceEach(
      String consumer, List<IncomingEvent> events, Consumer<List<IncomingEvent>> effect) {
    Map<String, IncomingEvent> fresh = new LinkedHashMap<>();
    events.forEach(event -> fresh.putIfAbsent(consumer + "/" + event.id(), event));
    fresh.keySet().removeAll(recorded(fresh.keySet()));
    if (fresh.isEmpty()) {
      return List.of();
    }
    List<IncomingEvent> run = List.copyOf(fresh.values());
    effect.accept(run);
    List<Document> records = new ArrayList<>(fresh.size());
    fresh.forEach((key, event) -> records.add(record(key, consumer, event)));
    try {
      mongo.getCollection(COLLECTION).insertMany(records, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteErrors().stream()
          .anyMatch(
              error ->
                  ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
        throw e;
      }
      log.debug("{} processed {} of a batch concurrently", consumer, e.getWriteErrors().size());
    }
    return run;
  }

  private Document record(String key, String consumer, IncomingEvent event) {
    return new Document("_id", key)
        .append("consumer", consumer)
        .append("eventId", event.id())
        .append("type", event.type())
        .append("subject", event.subject())
        .append("processedAt", Date.from(clock.instant()));
  }

  /** Which of these keys are recorded, in one query. */
  private Set<String> recorded(Collection<String> keys) {
    Set<String> found = new HashSet<>();
    mongo
        .getCollection(COLLECTION)
        .find(Filters.in("_id", keys))
        .projection(Projections.include("_id"))
        .forEach(document -> found.add(document.getString("_id")));
    return found;
  }

  /** Whether this consumer has processed the event. */
  public boolean processed(String consumer, String eventId) {
    return recorded(consumer + "/" + eventId);
  }

  /**
   * A find by {@code _id}, not {@code MongoTemplate.exists} (Embedded-store workaround): that one
   * counts with an aggregation, which the embedded store answers by reading the whole collection,
   * once per event.
   */
  private boolean recorded(String key) {
    return mongo
            .getCollection(COLLECTION)
            .find(Filters.eq("_id", key))
            .projection(Projections.include("_id"))
            .first()
        != null;
  }
}
