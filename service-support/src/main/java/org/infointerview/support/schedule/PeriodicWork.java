package org.infointerview.support.schedule;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Work a service does every so often for as long as the application runs, on a thread of its own.
 * It stops with the application and starts with it again, so a stopped instance (such as a context
 * that tests keep paused in their cache) claims no work it cannot do; a run under way is let
 * finish, never interrupted. A subclass, a bean, says what to run and how often; each task runs
 * again that long after its last run ended.
 */
public abstract class PeriodicWork implements SmartLifecycle {

  /** A task and the wait between the end of one run and the start of the next. */
  public record Task(Runnable run, Duration every) {}

  private final String name;
  private final int finishSeconds;
  private @Nullable ThreadPoolTaskScheduler ticker;

  /**
   * @param name names the thread ({@code name-1})
   * @param finishSeconds how long a stop waits for a run under way to finish (a run is never
   *     interrupted; past the wait it ends on its own); 0: it does not wait
   */
  protected PeriodicWork(String name, int finishSeconds) {
    this.name = name;
    this.finishSeconds = finishSeconds;
  }

  /** What to run and how often; none: nothing starts (the work is switched off). */
  protected abstract List<Task> tasks();

  @Override
  public synchronized void start() {
    List<Task> tasks = tasks();
    if (ticker != null || tasks.isEmpty()) {
      return;
    }
    ThreadPoolTaskScheduler started = new ThreadPoolTaskScheduler();
    started.setThreadNamePrefix(name + "-");
    started.setPoolSize(1);
    // A run is never interrupted: one stopped inside a store call could leave its lock held.
    started.setWaitForTasksToCompleteOnShutdown(true);
    started.setAwaitTerminationSeconds(finishSeconds);
    started.initialize();
    for (Task task : tasks) {
      started.scheduleWithFixedDelay(task.run(), task.every());
    }
    ticker = started;
  }

  @Override
  public synchronized void stop() {
    if (ticker != null) {
      ticker.shutdown();
      ticker = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return ticker != null;
  }
}
