package org.infointerview.contacts.imports;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.infointerview.messaging.meters.FreshReading;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Imports for operators, on the management port: {@value #ROWS}, rows written by outcome (created,
 * updated, unchanged, failed) as each batch is stored, so its rate is the rows per second being
 * imported; and {@value #JOBS}, the imports queued, running and being undone now (read at most
 * every few seconds). A job that stays running with no rows moving is stuck.
 */
@Component
class ImportMeters {

  static final String ROWS = "infointerview.imports.rows";
  static final String JOBS = "infointerview.imports.jobs";

  private static final List<ImportStatus> ACTIVE =
      List.of(ImportStatus.QUEUED, ImportStatus.RUNNING, ImportStatus.UNDOING);

  private final MongoTemplate mongo;
  private final Counter created;
  private final Counter updated;
  private final Counter unchanged;
  private final Counter failed;
  private final FreshReading<Map<ImportStatus, Long>> jobs =
      new FreshReading<>(Duration.ofSeconds(5), this::countJobs);

  ImportMeters(MongoTemplate mongo, ObjectProvider<MeterRegistry> meters) {
    this.mongo = mongo;
    MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
    this.created = rows(registry, "created");
    this.updated = rows(registry, "updated");
    this.unchanged = rows(registry, "unchanged");
    this.failed = rows(registry, "failed");
    for (ImportStatus state : ACTIVE) {
      Gauge.builder(JOBS, jobs, j -> j.get().getOrDefault(state, 0L))
          .description("Imports in this state now")
          .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
          .register(registry);
    }
  }

  private static Counter rows(MeterRegistry registry, String outcome) {
    return Counter.builder(ROWS)
        .description("Rows written by imports, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  /**
   * Counts what a job's batch added to its running totals ({@code last} holds the totals counted so
   * far, and is moved on to {@code now}).
   */
  void batch(long[] last, Importer.Counts now) {
    long[] totals = {now.created, now.updated, now.unchanged, now.failed};
    Counter[] counters = {created, updated, unchanged, failed};
    for (int i = 0; i < totals.length; i++) {
      counters[i].increment(Math.max(0, totals[i] - last[i]));
      last[i] = totals[i];
    }
  }

  private Map<ImportStatus, Long> countJobs() {
    Map<ImportStatus, Long> counts = new EnumMap<>(ImportStatus.class);
    for (ImportStatus state : ACTIVE) {
      counts.put(
          state, mongo.count(Query.query(Criteria.where("status").is(state)), ImportJob.class));
    }
    return counts;
  }
}
