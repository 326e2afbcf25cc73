package org.infointerview.contacts.alumnisync;

import org.infointerview.contacts.imports.ImportService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Looks every check interval whether the alumni sync's schedule is due, and for import jobs a
 * stopped instance abandoned, for as long as the application runs. It stops with the application
 * and starts with it again; its phase, the default, is later than the import thread's (half of it),
 * so it stops first and no tick queues a run that thread will not take. A stopped instance, such as
 * a context that tests keep paused in their cache, claims no scheduled moment it cannot run.
 */
@Component
class AlumniSyncSchedule implements SmartLifecycle {

  private static final int TICK_WAIT_SECONDS = 10;

  private final AlumniSyncService sync;
  private final ImportService imports;
  private final AlumniSyncProperties properties;
  private @Nullable ThreadPoolTaskScheduler ticker;

  AlumniSyncSchedule(
      AlumniSyncService sync, ImportService imports, AlumniSyncProperties properties) {
    this.sync = sync;
    this.imports = imports;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    if (ticker != null) {
      return;
    }
    ThreadPoolTaskScheduler started = new ThreadPoolTaskScheduler();
    started.setThreadNamePrefix("alumni-sync-schedule-");
    started.setPoolSize(1);
    // A tick that has claimed a moment finishes starting its run.
    started.setWaitForTasksToCompleteOnShutdown(true);
    started.setAwaitTerminationSeconds(TICK_WAIT_SECONDS);
    started.initialize();
    started.scheduleWithFixedDelay(sync::tick, properties.checkInterval());
    started.scheduleWithFixedDelay(imports::failAbandonedJobs, properties.checkInterval());
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
