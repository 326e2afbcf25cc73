package org.infointerview.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.infointerview.testinfra.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.node.JsonNodeFactory;

/** The duplicate check of batch listeners against the real store. */
class ProcessedEventsIT {

  private static final MongoClient CLIENT =
      MongoClients.create(Infrastructure.get().mongoUri("processed-events"));
  private static final MongoTemplate MONGO = new MongoTemplate(CLIENT, "processed-events");
  private static final ProcessedEvents PROCESSED =
      new ProcessedEvents(
          MONGO, Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

  @AfterAll
  static void close() {
    CLIENT.close();
  }

  private static IncomingEvent event(String id) {
    return new IncomingEvent(
        "1.0",
        id,
        "/test",
        "Tested",
        "s-" + id,
        Instant.now(),
        "application/json",
        1,
        JsonNodeFactory.instance.objectNode());
  }

  @Test
  void aBatchRunsItsEffectOnceForTheEventsNotSeenBeforeInTheirOrder() {
    String consumer = "test-" + UUID.randomUUID();
    IncomingEvent seen = event(UUID.randomUUID().toString());
    IncomingEvent first = event(UUID.randomUUID().toString());
    IncomingEvent second = event(UUID.randomUUID().toString());
    PROCESSED.once(consumer, seen, () -> {});
    List<IncomingEvent> effects = new ArrayList<>();

    List<IncomingEvent> ran =
        PROCESSED.onceEach(consumer, List.of(first, seen, second, first), effects::addAll);

    assertThat(ran).containsExactly(first, second);
    assertThat(effects).containsExactly(first, second);
    assertThat(PROCESSED.processed(consumer, first.id())).isTrue();
    assertThat(PROCESSED.processed(consumer, second.id())).isTrue();
    assertThat(
            MONGO.count(
                new Query(Criteria.where("consumer").is(consumer)), ProcessedEvents.COLLECTION))
        .isEqualTo(3);
  }

  @Test
  void aRedeliveredBatchRunsNoEffectAndAnotherConsumerStillRunsItsOwn() {
    String consumer = "test-" + UUID.randomUUID();
    List<IncomingEvent> batch =
        List.of(event(UUID.randomUUID().toString()), event(UUID.randomUUID().toString()));
    PROCESSED.onceEach(consumer, batch, events -> {});
    List<IncomingEvent> again = new ArrayList<>();

    assertThat(PROCESSED.onceEach(consumer, batch, again::addAll)).isEmpty();
    assertThat(again).isEmpty();
    assertThat(PROCESSED.onceEach("other-" + consumer, batch, events -> {})).hasSize(2);
  }

  @Test
  void aFailingEffectRecordsNothingSoTheBatchRunsAgain() {
    String consumer = "test-" + UUID.randomUUID();
    List<IncomingEvent> batch = List.of(event(UUID.randomUUID().toString()));

    try {
      PROCESSED.onceEach(
          consumer,
          batch,
          events -> {
            throw new IllegalStateException("store unavailable");
          });
    } catch (IllegalStateException expected) {
      // the listener's error handler would deliver the batch again
    }

    assertThat(PROCESSED.processed(consumer, batch.get(0).id())).isFalse();
    assertThat(PROCESSED.onceEach(consumer, batch, events -> {})).hasSize(1);
  }
}
