package org.infointerview.interviews.retention;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/** Looks every check interval whether today's retention run is due, while the application runs. */
@Component
class RetentionSchedule implements SmartLifecycle {

  private final Retention retention;
  private final RetentionProperties properties;
  private @Nullable ThreadPoolTaskScheduler ticker;

  RetentionSchedule(Retention retention, RetentionProperties properties) {
    this.retention = retention;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    if (ticker != null || properties.graduatedYears() <= 0) {
      return;
    }
    ThreadPoolTaskScheduler started = new ThreadPoolTaskScheduler();
    started.setThreadNamePrefix("retention-");
    started.setPoolSize(1);
    started.initialize();
    started.scheduleWithFixedDelay(retention::tick, properties.checkInterval());
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
