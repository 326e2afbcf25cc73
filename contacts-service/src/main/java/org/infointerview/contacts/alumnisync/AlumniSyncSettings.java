package org.infointerview.contacts.alumnisync;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.scheduling.support.CronExpression;

/**
 * The alumni sync's one settings document: the admin's setup, and how far the sync has come.
 *
 * @param watermark the latest change the last completed run saw; the next run asks for changes from
 *     there
 * @param lastScheduledRun the schedule's latest moment that has been run (or skipped), so that
 *     several instances start it once
 */
@Document("alumni_sync")
record AlumniSyncSettings(
    @Id String id,
    AlumniSyncSetup setup,
    @Nullable Instant watermark,
    @Nullable String lastRunId,
    @Nullable Instant lastScheduledRun,
    String updatedBy,
    Instant updatedAt,
    @Version @Nullable Long version) {

  static final String ID = "settings";

  /** The schedule's first moment after the last one run (after the save, when none ran yet). */
  @Nullable ZonedDateTime nextScheduledRun() {
    if (setup.schedule() == null) {
      return null;
    }
    Instant from = lastScheduledRun == null ? updatedAt : lastScheduledRun;
    return CronExpression.parse(setup.schedule()).next(from.atZone(ZoneId.of(setup.zone())));
  }

  /**
   * The latest scheduled moment at or before now that has not run, or null when none is due;
   * moments missed while no instance ran count as one.
   */
  @Nullable Instant dueAt(Instant now) {
    ZonedDateTime due = nextScheduledRun();
    if (due == null || due.toInstant().isAfter(now)) {
      return null;
    }
    CronExpression cron = CronExpression.parse(Objects.requireNonNull(setup.schedule()));
    for (int i = 0; i < 10_000; i++) {
      ZonedDateTime following = cron.next(due);
      if (following == null || following.toInstant().isAfter(now)) {
        break;
      }
      due = following;
    }
    return due.toInstant();
  }
}
