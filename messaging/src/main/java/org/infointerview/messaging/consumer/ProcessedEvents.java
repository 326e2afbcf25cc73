package org.infointerview.messaging.consumer;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Clock;
import java.util.Date;
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
      mongo.insert(
          new Document("_id", key)
              .append("consumer", consumer)
              .append("eventId", event.id())
              .append("type", event.type())
              .append("subject", event.subject())
              .append("processedAt", Date.from(clock.instant())),
          COLLECTION);
    } catch (DuplicateKeyException concurrent) {
      log.debug("{} processed {} concurrently", consumer, event.id());
    }
    return true;
  }

  /** Whether this consumer has processed the event. */
  public boolean processed(String consumer, String eventId) {
    return recorded(consumer + "/" + eventId);
  }

  /**
   * A find by {@code _id}, not {@code MongoTemplate.exists}: that one counts with an aggregation,
   * which the embedded store answers by reading the whole collection, once per event.
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
