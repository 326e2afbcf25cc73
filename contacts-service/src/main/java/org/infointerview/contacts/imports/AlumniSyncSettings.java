package org.infointerview.contacts.imports;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

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
}
