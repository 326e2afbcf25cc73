package org.infointerview.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.infointerview.messaging.testapp.LedgerTestApplication;
import org.infointerview.testinfra.InfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The backlog gauges count this service's documents waiting in the outbox and the age of the
 * oldest, from the hints, and nobody else's.
 */
@SpringBootTest(classes = LedgerTestApplication.class)
@InfrastructureTest
class OutboxMetersIT {

  @Autowired MongoTemplate mongo;

  @Test
  void theBacklogAndTheAgeOfItsOldestAreThisServicesOnly() {
    // collections of their own, which no relay of this test application reads
    String mine = "meters_" + UUID.randomUUID().toString().replace("-", "");
    String theirs = mine + "_other";
    Instant now = Instant.now();
    mongo
        .getCollection(OutboxHints.COLLECTION)
        .insertMany(
            List.of(
                hint(mine, "a", now.minus(Duration.ofSeconds(90))),
                hint(mine, "b", now.minus(Duration.ofSeconds(5))),
                hint(theirs, "c", now.minus(Duration.ofHours(3)))));
    MeterRegistry meters = new SimpleMeterRegistry();
    new OutboxMeters(mongo, List.of(mine), Clock.systemUTC()).register(meters);

    assertThat(meters.get(OutboxMeters.PENDING).gauge().value()).isEqualTo(2);
    assertThat(meters.get(OutboxMeters.OLDEST).gauge().value()).isBetween(90.0, 120.0);

    MeterRegistry empty = new SimpleMeterRegistry();
    new OutboxMeters(mongo, List.of(mine + "_none"), Clock.systemUTC()).register(empty);
    assertThat(empty.get(OutboxMeters.PENDING).gauge().value()).isZero();
    assertThat(empty.get(OutboxMeters.OLDEST).gauge().value()).isZero();
  }

  private static Document hint(String collection, String id, Instant at) {
    return new Document("_id", collection + "|" + id)
        .append("c", collection)
        .append("id", id)
        .append("at", Date.from(at))
        .append("n", 1L);
  }
}
