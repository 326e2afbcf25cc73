package org.infointerview.interviews.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.infointerview.support.schedule.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Keeps the cohort days built while the application runs: each refresh interval, on the one
 * instance that holds the lock, a reconcile pass when the last is older than the reconcile
 * interval, then the days writes marked.
 */
@Component
class CohortDaysSchedule extends PeriodicWork implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(CohortDaysSchedule.class);
  private static final String LOCK = "cohort-days";

  /** A lock's lease, renewed while its run lasts: a stopped process frees it within a minute. */
  private static final Duration LEASE = Duration.ofMinutes(1);

  private static final Duration FIRST_RECONCILE_WAIT = Duration.ofSeconds(20);
  private static final int DAYS_A_TICK = 400;

  private final CohortDays days;
  private final AnalyticsProperties properties;
  private final ScheduledExecutorService leases;
  private final LockProvider locks;

  CohortDaysSchedule(CohortDays days, AnalyticsProperties properties, MongoTemplate mongo) {
    super("cohort-days", 0);
    this.days = days;
    this.properties = properties;
    CustomizableThreadFactory threads = new CustomizableThreadFactory("cohort-days-lease-");
    threads.setDaemon(true);
    this.leases = Executors.newSingleThreadScheduledExecutor(threads);
    this.locks =
        new KeepAliveLockProvider(
            new MongoLockProvider(mongo.getCollection("analytics_locks")), leases);
  }

  @Override
  public void destroy() {
    leases.shutdownNow();
  }

  @Override
  protected List<Task> tasks() {
    return List.of(new Task(this::tick, properties.refreshInterval()));
  }

  /** One look: a reconcile pass if due, then the marked days. */
  void tick() {
    try {
      lock()
          .ifPresent(
              lock -> {
                try {
                  Date reconciled = days.reconciledAt();
                  if (reconciled == null
                      || reconciled
                          .toInstant()
                          .plus(properties.reconcileInterval())
                          .isBefore(Instant.now())) {
                    reconcile();
                  }
                  buildMarked();
                } finally {
                  lock.unlock();
                }
              });
    } catch (RuntimeException e) {
      log.warn("Cohort days: this look failed; the next one tries again", e);
    }
  }

  /**
   * The first reconcile pass and the days it marked, for a report that comes before it ended: run
   * here, or waited for while another instance runs it.
   *
   * @throws ResponseStatusException 503 when it takes longer than a report may wait
   */
  void reconcileFirst() {
    Instant giveUp = Instant.now().plus(FIRST_RECONCILE_WAIT);
    while (days.reconciledAt() == null) {
      Optional<SimpleLock> lock = lock();
      if (lock.isPresent()) {
        try {
          if (days.reconciledAt() == null) {
            reconcile();
            buildMarked();
          }
        } finally {
          lock.get().unlock();
        }
        return;
      }
      if (Instant.now().isAfter(giveUp)) {
        throw new ResponseStatusException(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Cohort analytics are being prepared from the interviews; try again in a minute.");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the cohort days", e);
      }
    }
  }

  private void buildMarked() {
    for (String day : days.dirty(DAYS_A_TICK)) {
      days.build(day);
    }
  }

  private void reconcile() {
    long started = System.nanoTime();
    days.reconcile();
    log.info(
        "Cohort days: every interview's day read again in {} ms",
        (System.nanoTime() - started) / 1_000_000);
  }

  private Optional<SimpleLock> lock() {
    // ShedLock judges a lock's expiry by the system clock, so the lock is made by it too.
    return locks.lock(new LockConfiguration(Instant.now(), LOCK, LEASE, Duration.ZERO));
  }
}
