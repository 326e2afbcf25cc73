package org.infointerview.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the relay when new events are stored, without the writer touching Kafka: the writer only
 * releases a permit; the relay thread waits for one or for its poll interval.
 */
final class OutboxSignal {

  private final Semaphore pending = new Semaphore(0);

  void wakeUp() {
    if (pending.availablePermits() == 0) {
      pending.release();
    }
  }

  void await(Duration timeout) throws InterruptedException {
    if (pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      pending.drainPermits();
    }
  }
}
