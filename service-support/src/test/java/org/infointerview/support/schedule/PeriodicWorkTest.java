package org.infointerview.support.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Periodic work runs while started, again after each wait, and not at all when switched off. */
class PeriodicWorkTest {

  @Test
  void runsAgainAndAgainWhileStartedAndNoMoreOnceStopped() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    PeriodicWork work = work(List.of(new PeriodicWork.Task(runs::incrementAndGet, ms(20))));

    work.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
    work.stop();
    int stopped = runs.get();
    Thread.sleep(100);

    assertThat(work.isRunning()).isFalse();
    assertThat(runs.get()).isLessThanOrEqualTo(stopped + 1);
  }

  @Test
  void withoutTasksNothingStarts() {
    PeriodicWork off = work(List.of());

    off.start();

    assertThat(off.isRunning()).isFalse();
  }

  @Test
  void aStartedWorkStartsOnce() {
    AtomicInteger runs = new AtomicInteger();
    PeriodicWork work = work(List.of(new PeriodicWork.Task(runs::incrementAndGet, ms(10_000))));

    work.start();
    work.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 1);
    work.stop();

    assertThat(runs.get()).as("one ticker, one first run").isEqualTo(1);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static PeriodicWork work(List<PeriodicWork.Task> tasks) {
    return new PeriodicWork("test-work", 0) {
      @Override
      protected List<Task> tasks() {
        return tasks;
      }
    };
  }
}
