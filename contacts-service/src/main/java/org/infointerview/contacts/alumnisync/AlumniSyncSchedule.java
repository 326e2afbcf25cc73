package org.infointerview.contacts.alumnisync;

import java.util.List;
import org.infointerview.contacts.imports.ImportService;
import org.infointerview.support.schedule.PeriodicWork;
import org.springframework.stereotype.Component;

/**
 * Looks every check interval whether the alumni sync's schedule is due, and for import jobs a
 * stopped instance abandoned, for as long as the application runs. It stops with the application
 * and starts with it again; its phase, the default, is later than the import thread's (half of it),
 * so it stops first and no tick queues a run that thread will not take. A stopped instance, such as
 * a context that tests keep paused in their cache, claims no scheduled moment it cannot run.
 */
@Component
class AlumniSyncSchedule extends PeriodicWork {

  /** A tick that has claimed a moment finishes starting its run. */
  private static final int TICK_WAIT_SECONDS = 10;

  private final AlumniSyncService sync;
  private final ImportService imports;
  private final AlumniSyncProperties properties;

  AlumniSyncSchedule(
      AlumniSyncService sync, ImportService imports, AlumniSyncProperties properties) {
    super("alumni-sync-schedule", TICK_WAIT_SECONDS);
    this.sync = sync;
    this.imports = imports;
    this.properties = properties;
  }

  @Override
  protected List<Task> tasks() {
    return List.of(
        new Task(sync::tick, properties.checkInterval()),
        new Task(imports::failAbandonedJobs, properties.checkInterval()));
  }
}
