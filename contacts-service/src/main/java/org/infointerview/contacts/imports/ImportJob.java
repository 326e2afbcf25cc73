package org.infointerview.contacts.imports;

import java.time.Instant;
import java.util.List;
import org.infointerview.contacts.contact.ContactSource;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One import of one file: its progress counters (updated in place while it runs, for a progress
 * bar), its outcome, and what its undo did. AlumniImportCompleted waits in its outbox.
 *
 * @param totalRows data rows in the file, known before the job starts
 * @param problems problems found (rows can have several)
 * @param reportTo the admin told how it ended (who started it; for a scheduled sync, who last set
 *     it up); null for a job stored before it was kept
 * @param unmappedHeaders the file's headers that no column of the profile maps (not imported)
 * @param warnings what the admin should know of the file, such as no consent column; null for a job
 *     stored before they were kept
 * @param ownerId the student whose own contacts a personal import brings in (LinkedIn connections,
 *     an address book); null for an import into the institution's directory
 */
@Document("import_jobs")
public record ImportJob(
    @Id String id,
    String profileName,
    ContactSource source,
    String fileName,
    long fileBytes,
    String encoding,
    String delimiter,
    ImportStatus status,
    long totalRows,
    long rowsRead,
    long created,
    long updated,
    long unchanged,
    long failed,
    long problems,
    String createdBy,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable Instant heartbeatAt,
    @Nullable String failure,
    boolean cancelRequested,
    @Nullable Instant undoneAt,
    long undoRemoved,
    long undoRestored,
    long undoKept,
    @Nullable String reportTo,
    @Nullable List<String> unmappedHeaders,
    @Nullable List<String> warnings,
    @Nullable ConsentCounts consent,
    @Nullable String ownerId) {

  /** Who to tell how it ended: {@link #reportTo}, else who started it. */
  String reportToOrStarter() {
    return reportTo != null ? reportTo : createdBy;
  }

  /** A job whose rows come from a service (the alumni API): their number is not known yet. */
  static ImportJob fromService(
      String id,
      MappingProfile profile,
      String description,
      String createdBy,
      String reportTo,
      Instant now) {
    return queued(
        id,
        profile,
        description,
        0,
        "UTF-8",
        "",
        0,
        createdBy,
        reportTo,
        List.of(),
        List.of(),
        null,
        now);
  }

  static ImportJob queued(
      String id,
      MappingProfile profile,
      String fileName,
      long fileBytes,
      CsvFile.Shape shape,
      String createdBy,
      @Nullable String ownerId,
      Instant now) {
    return queued(
        id,
        profile,
        fileName,
        fileBytes,
        shape.encoding(),
        shape.delimiter(),
        shape.rows(),
        createdBy,
        createdBy,
        shape.unmapped(),
        shape.warnings(),
        ownerId,
        now);
  }

  private static ImportJob queued(
      String id,
      MappingProfile profile,
      String fileName,
      long fileBytes,
      String encoding,
      String delimiter,
      long rows,
      String createdBy,
      String reportTo,
      List<String> unmappedHeaders,
      List<String> warnings,
      @Nullable String ownerId,
      Instant now) {
    return new ImportJob(
        id,
        profile.name(),
        profile.source(),
        fileName,
        fileBytes,
        encoding,
        delimiter,
        ImportStatus.QUEUED,
        rows,
        0,
        0,
        0,
        0,
        0,
        0,
        createdBy,
        now,
        null,
        null,
        now,
        null,
        false,
        null,
        0,
        0,
        0,
        reportTo,
        unmappedHeaders,
        warnings,
        null,
        ownerId);
  }

  /** Whether this import brings in one student's own contacts. */
  boolean personal() {
    return ownerId != null;
  }
}
