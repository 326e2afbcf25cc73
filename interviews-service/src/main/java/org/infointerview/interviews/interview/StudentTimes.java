package org.infointerview.interviews.interview;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.infointerview.support.problem.ConflictException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * One student's agreed times change one at a time: a time is checked against the student's other
 * agreed times and written while a lock on the student is held (ShedLock on the store, so every
 * instance takes the same lock), so two times agreed at once (the student scheduling one interview
 * while a person accepts a time of another) cannot both pass the check. A lock a crashed instance
 * left is free again after {@link #HELD_AT_MOST}.
 */
@Component
class StudentTimes {

  static final String COLLECTION = "schedule_locks";

  /** Longer than any check and write; what a crash may block a student's scheduling for. */
  static final Duration HELD_AT_MOST = Duration.ofSeconds(10);

  /** How long to wait for another change of the same student's times before giving up. */
  static final Duration WAIT_AT_MOST = Duration.ofSeconds(3);

  private final LockProvider locks;

  StudentTimes(MongoTemplate mongo) {
    this.locks = new MongoLockProvider(mongo.getCollection(COLLECTION));
  }

  /** Does the work holding the student's lock; 409 BUSY if it stays taken too long. */
  <T> T changing(String studentId, Supplier<T> work) {
    long deadline = System.nanoTime() + WAIT_AT_MOST.toNanos();
    long pause = 5;
    while (true) {
      Optional<SimpleLock> lock =
          locks.lock(
              new LockConfiguration(
                  // ShedLock judges expiry by the system clock, so the lock is made by it too.
                  Instant.now(), "times|" + studentId, HELD_AT_MOST, Duration.ZERO));
      if (lock.isPresent()) {
        try {
          return work.get();
        } finally {
          lock.get().unlock();
        }
      }
      if (System.nanoTime() > deadline) {
        throw new ConflictException(
            "BUSY", "Another change to your agreed times is under way; try again in a moment.");
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting to change agreed times", e);
      }
      pause = Math.min(pause * 2, 100);
    }
  }
}
