package org.infointerview.interviews.retention;

import java.util.List;
import org.infointerview.support.schedule.PeriodicWork;
import org.springframework.stereotype.Component;

/** Looks every check interval whether today's retention run is due, while the application runs. */
@Component
class RetentionSchedule extends PeriodicWork {

  private final Retention retention;
  private final RetentionProperties properties;

  RetentionSchedule(Retention retention, RetentionProperties properties) {
    super("retention", 0);
    this.retention = retention;
    this.properties = properties;
  }

  @Override
  protected List<Task> tasks() {
    return properties.graduatedYears() <= 0
        ? List.of()
        : List.of(new Task(retention::tick, properties.checkInterval()));
  }
}
