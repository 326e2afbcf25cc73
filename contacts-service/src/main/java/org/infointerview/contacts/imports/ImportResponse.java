package org.infointerview.contacts.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.infointerview.contacts.contact.ContactSource;
import org.jspecify.annotations.Nullable;

/**
 * An import job as the API shows it: for CSV uploads and alumni database runs alike. {@code
 * errorReport} is the report's address as clients call it, through the gateway (the API's public
 * path, {@code /api/contacts}, in front); {@code unmappedHeaders} the file's columns not imported,
 * {@code warnings} what the admin should know of the file (a file without the consent column its
 * profile expects imports everyone as not opted in), {@code consent} what its rows imported so far
 * say of consent.
 */
public record ImportResponse(
    String id,
    String profile,
    ContactSource source,
    String fileName,
    long fileBytes,
    String encoding,
    String delimiter,
    ImportStatus status,
    Progress progress,
    long created,
    long updated,
    long unchanged,
    long failed,
    long problems,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String failure,
    @Nullable Undo undo,
    String errorReport,
    List<String> unmappedHeaders,
    List<String> warnings,
    ConsentCounts consent) {

  public record Progress(long totalRows, long rowsRead, int percent, @Nullable Long etaSeconds) {}

  public record Undo(long removed, long restored, long kept, @Nullable Instant undoneAt) {}

  public static ImportResponse of(ImportJob job, Instant now, String apiPath) {
    long total = job.totalRows();
    int percent;
    if (job.status() == ImportStatus.COMPLETED) {
      percent = 100;
    } else if (total == 0) {
      // Rows still unknown (an alumni API that does not say how many it has)
      percent = job.status().finished() ? 100 : 0;
    } else {
      percent = (int) Math.min(100, job.rowsRead() * 100 / total);
    }
    Long eta = null;
    if (job.status() == ImportStatus.RUNNING
        && job.startedAt() != null
        && job.rowsRead() > 0
        && total >= job.rowsRead()) {
      long elapsed = Duration.between(job.startedAt(), now).toMillis();
      eta = Math.max(0, elapsed * (total - job.rowsRead()) / job.rowsRead() / 1000);
    }
    return new ImportResponse(
        job.id(),
        job.profileName(),
        job.source(),
        job.fileName(),
        job.fileBytes(),
        job.encoding(),
        job.delimiter(),
        job.status(),
        new Progress(total, job.rowsRead(), percent, eta),
        job.created(),
        job.updated(),
        job.unchanged(),
        job.failed(),
        job.problems(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt(),
        job.failure(),
        job.undoneAt() == null && job.status() != ImportStatus.UNDOING
            ? null
            : new Undo(job.undoRemoved(), job.undoRestored(), job.undoKept(), job.undoneAt()),
        apiPath + new ImportScope(job.ownerId()).path() + job.id() + "/errors",
        Objects.requireNonNullElse(job.unmappedHeaders(), List.of()),
        Objects.requireNonNullElse(job.warnings(), List.of()),
        Objects.requireNonNullElse(job.consent(), ConsentCounts.NONE));
  }
}
