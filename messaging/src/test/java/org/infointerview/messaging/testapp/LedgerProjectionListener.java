package org.infointerview.messaging.testapp;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.slf4j.MDC;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Appends every sequence number it receives to the ledger's projection: a duplicate would appear
 * twice, a reordering out of order. Only the duplicate check stands between a redelivery and a
 * double effect.
 */
@Component
public class LedgerProjectionListener {

  public static final String CONSUMER = "ledger-projection";
  public static final String COLLECTION = "ledger_projection";

  private final ProcessedEvents processedEvents;
  private final EventReader reader;
  private final MongoTemplate mongo;
  private final Set<String> traceIdsSeen = ConcurrentHashMap.newKeySet();

  LedgerProjectionListener(
      ProcessedEvents processedEvents, EventReader reader, MongoTemplate mongo) {
    this.processedEvents = processedEvents;
    this.reader = reader;
    this.mongo = mongo;
  }

  @KafkaListener(topics = LedgerEntryAdded.TOPIC, groupId = CONSUMER)
  void on(IncomingEvent event) {
    if (!LedgerEntryAdded.TYPE.equals(event.type())) {
      return;
    }
    LedgerEntryAdded entry = reader.data(event, LedgerEntryAdded.class);
    String traceId = MDC.get("traceId");
    if (traceId != null) {
      traceIdsSeen.add(traceId);
    }
    if (entry.amount() == LedgerEntryAdded.REFUSED_AMOUNT) {
      throw new IllegalArgumentException("the projection refuses amount " + entry.amount());
    }
    processedEvents.once(
        CONSUMER,
        event,
        () ->
            mongo.upsert(
                new Query(Criteria.where("_id").is(entry.ledgerId())),
                new Update().push("sequences", entry.sequence()),
                COLLECTION));
  }

  /** The trace ids this listener's log lines carried (from the MDC), one per traced record. */
  public Set<String> traceIdsSeen() {
    return traceIdsSeen;
  }

  /** The sequence numbers the projection applied for a ledger, in the order it applied them. */
  public List<Long> applied(String ledgerId) {
    Document projection =
        mongo.findOne(new Query(Criteria.where("_id").is(ledgerId)), Document.class, COLLECTION);
    return projection == null ? List.of() : projection.getList("sequences", Long.class);
  }
}
