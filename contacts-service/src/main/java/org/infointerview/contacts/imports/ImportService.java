package org.infointerview.contacts.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.infointerview.contacts.alumniapi.AlumniDirectoryException;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.matching.DuplicateFinder;
import org.infointerview.events.contacts.AlumniImportCompleted;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.messaging.store.StorePages;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.problem.ConflictException;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Imports as admins run them: an upload is spooled to disk and read to its end once (a file that
 * cannot be read or has too many rows is refused before anything is stored), then a job on the
 * import thread brings the store in line with it, reporting progress as it goes. Every import and
 * every undo is audited.
 */
@Service
public class ImportService {

  static final String PROBLEMS = "import_problems";
  private static final Logger log = LoggerFactory.getLogger(ImportService.class);
  private static final Duration STALE = Duration.ofMinutes(2);

  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final Importer importer;
  private final DuplicateFinder duplicates;
  private final MappingProfiles profiles;
  private final ImportsProperties properties;
  private final AuditLog audit;
  private final Executor executor;
  private final ImportMeters meters;
  private final Executor personalExecutor;
  private final Clock clock;

  ImportService(
      MongoTemplate mongo,
      AggregateStore store,
      Importer importer,
      DuplicateFinder duplicates,
      MappingProfiles profiles,
      ImportsProperties properties,
      AuditLog audit,
      @Qualifier("importExecutor") Executor executor,
      @Qualifier("personalImportExecutor") Executor personalExecutor,
      ImportMeters meters,
      Clock clock) {
    this.personalExecutor = personalExecutor;
    this.meters = meters;
    this.mongo = mongo;
    this.store = store;
    this.importer = importer;
    this.duplicates = duplicates;
    this.profiles = profiles;
    this.properties = properties;
    this.audit = audit;
    this.executor = executor;
    this.clock = clock;
  }

  /**
   * Reads and checks an upload without storing anything.
   *
   * @param profileName the mapping profile; for a student's own file, null to take the profile
   *     whose columns the file has
   */
  Importer.Preview dryRun(ImportScope scope, @Nullable String profileName, InputStream upload)
      throws IOException {
    Path file = spool(upload);
    try {
      MappingProfile profile = profileFor(scope, profileName, file);
      return importer.preview(file, profile, maxRows(scope), 20, 10_000);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Spools and inspects an upload, then queues its job. */
  ImportJob start(
      CurrentUser user,
      ImportScope scope,
      @Nullable String profileName,
      String fileName,
      InputStream upload)
      throws IOException {
    Path file = spool(upload);
    try {
      MappingProfile profile = profileFor(scope, profileName, file);
      CsvFile.Shape shape =
          CsvFile.inspect(file, profile, properties.maxRowCharacters(), maxRows(scope));
      ImportJob job =
          ImportJob.queued(
              new ObjectId().toHexString(),
              profile,
              fileName,
              Files.size(file),
              shape,
              user.id(),
              scope.ownerId(),
              clock.instant());
      store.insert(Changed.to(job));
      if (scope.personal()) {
        requireRoomFor(scope, job);
        audit.record(user, "IMPORT", "Import", job.id(), null, "own contacts import");
      } else {
        audit.record(user, "IMPORT", "Import", job.id(), null, "alumni import of " + fileName);
      }
      try {
        executorOf(job).execute(() -> runJob(job, profile, new SpooledFile(file, profile)));
      } catch (RejectedExecutionException e) {
        mongo.remove(Query.query(Criteria.where("_id").is(job.id())), ImportJob.class);
        throw new ConflictException(
            "IMPORTS_BUSY",
            "Too many imports are waiting on this server just now; try again in a minute.");
      }
      return job;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /** The most rows one file of this scope may have. */
  private int maxRows(ImportScope scope) {
    return scope.personal() ? properties.personalMaxRows() : properties.maxRows();
  }

  private Executor executorOf(ImportJob job) {
    return job.personal() ? personalExecutor : executor;
  }

  /**
   * The profile an upload is read with: the one named, if it belongs to the scope (a student's own
   * file never lands in the directory, nor the directory's in a student's contacts); for a student
   * who names none, their own profile whose columns the file has most of.
   */
  private MappingProfile profileFor(ImportScope scope, @Nullable String name, Path file)
      throws IOException {
    if (name == null) {
      if (!scope.personal()) {
        throw new InvalidFieldException("profile", "must name a mapping profile");
      }
      return detected(file);
    }
    MappingProfile profile = profiles.named(name);
    if (scope.personal() && !profile.personal()) {
      throw new InvalidFieldException(
          "profile",
          "'"
              + name
              + "' imports into the career center's directory; your own contacts import with "
              + personalNames()
              + ", or leave the profile out and the file's columns choose");
    }
    if (!scope.personal() && profile.personal()) {
      throw new InvalidFieldException(
          "profile",
          "'"
              + name
              + "' brings in a student's own contacts, which nobody else sees: students import it"
              + " themselves under /me/imports; the directory's files use "
              + profiles.all().stream()
                  .filter(p -> !p.personal())
                  .map(p -> "'" + p.name() + "'")
                  .toList());
    }
    return profile;
  }

  /** The student's profile that maps the most of the file's columns. */
  private MappingProfile detected(Path file) throws IOException {
    MappingProfile best = null;
    int mapped = 0;
    ImportRefused unreadable = null;
    for (MappingProfile candidate : profiles.personal()) {
      try (CsvFile csv = CsvFile.open(file, candidate, properties.maxRowCharacters())) {
        int columns = csv.targets().size();
        if (columns > mapped) {
          best = candidate;
          mapped = columns;
        }
      } catch (ImportRefused e) {
        if (e.notText()) {
          throw e;
        }
        unreadable = e;
      }
    }
    if (best == null) {
      throw ImportRefused.unreadable(
          "this file's columns are not those of "
              + personalNames()
              + (unreadable == null ? "" : " (" + unreadable.getMessage() + ")")
              + ": export your contacts from LinkedIn, Google Contacts or Outlook as CSV");
    }
    return best;
  }

  private String personalNames() {
    return String.join(", ", profiles.personal().stream().map(p -> "'" + p.name() + "'").toList());
  }

  /** The scope's imports and undos under way. */
  private long underWay(ImportScope scope) {
    return mongo.count(
        Query.query(
            scope
                .jobs()
                .and("status")
                .in(ImportStatus.QUEUED, ImportStatus.RUNNING, ImportStatus.UNDOING)),
        ImportJob.class);
  }

  /**
   * A student's import stays queued only while they have no more than their limit under way;
   * counted after it is stored, so that two uploads at once cannot both slip under it.
   */
  private void requireRoomFor(ImportScope scope, ImportJob job) {
    if (underWay(scope) > properties.personalMaxRunning()) {
      mongo.remove(Query.query(Criteria.where("_id").is(job.id())), ImportJob.class);
      throw new ConflictException(
          "IMPORT_UNDER_WAY",
          "You already have "
              + (properties.personalMaxRunning() == 1
                  ? "an import"
                  : properties.personalMaxRunning() + " imports")
              + " under way, the most at once; wait until it ends (or cancel it), then import"
              + " this file.");
    }
  }

  /**
   * Queues a job that reads its rows from somewhere else than an upload (the alumni API).
   *
   * @param source opens the rows on the import thread, and hears how the job ended
   */
  public ImportJob startFrom(
      String startedBy,
      String reportTo,
      MappingProfile profile,
      String description,
      JobSource source) {
    ImportJob job =
        ImportJob.fromService(
            new ObjectId().toHexString(),
            profile,
            description,
            startedBy,
            reportTo,
            clock.instant());
    store.insert(Changed.to(job));
    try {
      executor.execute(() -> runJob(job, profile, source));
    } catch (RuntimeException e) {
      updateJob(
          job.id(),
          new Update()
              .set("status", ImportStatus.FAILED)
              .set("finishedAt", clock.instant())
              .set("failure", "could not be queued: " + e.getMessage()));
      source.ended(job, false);
      throw e;
    }
    return job;
  }

  /** Where a job's rows come from, and who hears how it ended. */
  public interface JobSource {
    /** Opens the rows; called on the import thread. */
    RowSource open(ImportJob job) throws IOException;

    /** Called once when the job ends, however it ended. */
    void ended(ImportJob job, boolean completed);
  }

  /** An upload spooled to disk: read as CSV, deleted when its job ends. */
  private final class SpooledFile implements JobSource {
    private final Path file;
    private final MappingProfile profile;

    SpooledFile(Path file, MappingProfile profile) {
      this.file = file;
      this.profile = profile;
    }

    @Override
    public RowSource open(ImportJob job) throws IOException {
      return CsvFile.open(file, profile, properties.maxRowCharacters());
    }

    @Override
    public void ended(ImportJob job, boolean completed) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        log.warn("Could not delete spooled file {}", file, e);
      }
    }
  }

  /** Records that a running job now knows how many rows it has (for its progress bar). */
  public void totalKnown(String id, long rows) {
    updateJob(id, new Update().set("totalRows", rows));
  }

  /** A job of the scope; another's is as unknown as one that never was. */
  ImportJob job(ImportScope scope, String id) {
    ImportJob job =
        mongo.findOne(
            Query.query(Criteria.where("_id").is(id).andOperator(scope.jobs())), ImportJob.class);
    if (job == null) {
      throw new NotFoundException("Import", id);
    }
    return job;
  }

  List<ImportJob> recent(ImportScope scope, int limit) {
    return mongo.find(
        Query.query(scope.jobs()).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
        ImportJob.class);
  }

  /** Asks a queued or running job to stop after its current batch. */
  ImportJob cancel(ImportScope scope, String id) {
    ImportJob job = job(scope, id);
    if (job.status() != ImportStatus.QUEUED && job.status() != ImportStatus.RUNNING) {
      throw new InvalidFieldException(
          "status", "the import has already ended (" + job.status() + ")");
    }
    updateJob(id, new Update().set("cancelRequested", true));
    return job(scope, id);
  }

  /**
   * The problems of an import, in row order, for its report: first why it stopped (row 0), then
   * every row's problems in the order its batches stored them, read a page at a time.
   */
  Stream<Document> problems(ImportScope scope, String id) {
    job(scope, id);
    Stream<Document> stopped =
        mongo
            .find(
                Query.query(Criteria.where("importId").is(id).and("row").is(0L)),
                Document.class,
                PROBLEMS)
            .stream();
    Stream<Document> rows =
        StorePages.stream(
            mongo,
            Query.query(Criteria.where("importId").is(id).and("row").gt(0L)),
            Document.class,
            PROBLEMS,
            StorePages.DEFAULT_SIZE);
    return Stream.concat(stopped, rows);
  }

  /**
   * Undoes an ended import within the undo window: contacts it created are erased, contacts it
   * updated get their earlier details and consent back; a contact changed since is kept as it is.
   */
  ImportJob undo(CurrentUser user, ImportScope scope, String id) {
    ImportJob job = job(scope, id);
    if (!job.status().finished()) {
      throw new InvalidFieldException(
          "status", "only an ended import can be undone; this one is " + job.status());
    }
    Instant finished = job.finishedAt() == null ? job.createdAt() : job.finishedAt();
    if (clock.instant().isAfter(finished.plus(properties.undoWindow()))) {
      throw new InvalidFieldException(
          "finishedAt", "ended more than " + properties.undoWindow().toDays() + " days ago");
    }
    if (scope.personal()) {
      if (underWay(scope) >= properties.personalMaxRunning()) {
        throw new ConflictException(
            "IMPORT_UNDER_WAY",
            "Another of your imports is under way; undo this one once it has ended.");
      }
    }
    boolean claimed =
        store.apply(
            ImportJob.class,
            id,
            Criteria.where("status").is(job.status()),
            new Update().set("status", ImportStatus.UNDOING),
            List.of());
    if (!claimed) {
      throw new OptimisticLockingFailureException("Import " + id + " changed meanwhile");
    }
    audit.record(user, "IMPORT_UNDO", "Import", id, null, "undo of import " + id);
    executorOf(job).execute(() -> runUndo(id));
    return job(scope, id);
  }

  /**
   * Jobs a stopped instance left behind (no heartbeat for two minutes): marked failed, so nobody
   * waits for them, at start and on every tick of the imports' schedule (an instance that is back
   * sooner than that finds them on a later tick). An interrupted import's counters are recounted
   * from what it stored: its last batch may be stored without its counters, so the job tells what
   * an undo will find.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void failAbandonedJobs() {
    Instant stale = clock.instant().minus(STALE);
    Criteria abandoned =
        Criteria.where("status")
            .in(ImportStatus.QUEUED, ImportStatus.RUNNING, ImportStatus.UNDOING)
            .and("heartbeatAt")
            .lt(stale);
    for (ImportJob job : mongo.find(Query.query(abandoned), ImportJob.class)) {
      Update failed =
          new Update().set("status", ImportStatus.FAILED).set("finishedAt", clock.instant());
      if (job.status() == ImportStatus.UNDOING) {
        failed.set(
            "failure", "the undo was interrupted by a restart; undo the import again to finish it");
      } else {
        long created = marked(job.id(), true);
        long updated = marked(job.id(), false);
        failed
            .set("created", created)
            .set("updated", updated)
            .set(
                "rowsRead",
                Math.max(job.rowsRead(), created + updated + job.unchanged() + job.failed()))
            .set(
                "failure",
                "interrupted by a restart after "
                    + (created + updated)
                    + " rows were stored (counted again from the store); import the file again"
                    + " to finish it");
      }
      mongo.updateFirst(
          Query.query(Criteria.where("_id").is(job.id()).andOperator(abandoned)),
          failed,
          ImportJob.class);
      log.warn("Import {} was abandoned by a stopped instance; marked failed", job.id());
    }
  }

  /** How many contacts this import created (or updated) that still carry its mark. */
  private long marked(String importId, boolean created) {
    return mongo.count(
        Query.query(
            Criteria.where("importMark.importId")
                .is(importId)
                .and("importMark.created")
                .is(created)),
        Contact.class);
  }

  private void runJob(ImportJob queued, MappingProfile profile, JobSource source) {
    String id = queued.id();
    Instant started = clock.instant();
    updateJob(
        id,
        new Update()
            .set("status", ImportStatus.RUNNING)
            .set("startedAt", started)
            .set("heartbeatAt", started));
    log.info(
        "Import {}: {} rows from {} ({})",
        id,
        queued.totalRows(),
        queued.fileName(),
        profile.name());
    ProgressReporter progress = new ProgressReporter(queued, started);
    Importer.Counts counts = null;
    Exception failure = null;
    try {
      counts = importer.run(queued, source.open(queued), profile, progress);
    } catch (IOException | RuntimeException e) {
      failure = e;
    }
    // The source hears the outcome before anyone can see the job ended (a sync's lock is free
    // and its watermark moved by the time the job reads COMPLETED).
    try {
      source.ended(queued, counts != null && !progress.cancelled());
    } catch (RuntimeException e) {
      log.warn("Import {}: its source could not be closed", id, e);
    }
    if (counts != null) {
      completed(queued, profile, counts, progress.cancelled());
    } else {
      failed(queued, profile, Objects.requireNonNull(failure));
    }
  }

  private void completed(
      ImportJob job, MappingProfile profile, Importer.Counts counts, boolean cancelled) {
    String id = job.id();
    Update done =
        counters(counts)
            .set("status", cancelled ? ImportStatus.CANCELLED : ImportStatus.COMPLETED)
            .set("finishedAt", clock.instant());
    AlumniImportCompleted fact =
        new AlumniImportCompleted(
            id,
            cancelled ? "CANCELLED" : "COMPLETED",
            job.reportToOrStarter(),
            null,
            profile.name(),
            counts.read,
            counts.created,
            counts.updated,
            counts.unchanged,
            counts.failed);
    // a student watches their own import on screen: no report is sent
    store.apply(
        ImportJob.class,
        id,
        Criteria.where("status").is(ImportStatus.RUNNING),
        done,
        job.personal() ? List.of() : List.of(fact));
    try {
      if (job.personal()) {
        // the student's own namesakes at one organization that nothing stronger told apart
        duplicates.scanOwn(Objects.requireNonNull(job.ownerId()), counts.families);
      } else {
        duplicates.scan(counts.families);
      }
    } catch (RuntimeException e) {
      log.warn("Import {}: the duplicate scan after it failed", id, e);
    }
    log.info(
        "Import {} {}: {} read, {} created, {} updated, {} unchanged, {} failed",
        id,
        cancelled ? "cancelled" : "completed",
        counts.read,
        counts.created,
        counts.updated,
        counts.unchanged,
        counts.failed);
  }

  private void failed(ImportJob job, MappingProfile profile, Exception e) {
    String id = job.id();
    if (e instanceof AlumniDirectoryException) {
      log.warn("Import {} stopped: {}", id, e.getMessage());
    } else {
      log.error("Import {} failed", id, e);
    }
    String reason = "the import stopped: " + e.getMessage();
    // The reason heads the job's error report (row 0: before every row's problems).
    mongo
        .getCollection(PROBLEMS)
        .insertOne(
            new Document("importId", id)
                .append("row", 0L)
                .append("column", "")
                .append("value", "")
                .append("reason", reason));
    ImportJob sofar = Objects.requireNonNullElse(mongo.findById(id, ImportJob.class), job);
    AlumniImportCompleted fact =
        new AlumniImportCompleted(
            id,
            "FAILED",
            job.reportToOrStarter(),
            reason,
            profile.name(),
            sofar.rowsRead(),
            sofar.created(),
            sofar.updated(),
            sofar.unchanged(),
            sofar.failed());
    store.apply(
        ImportJob.class,
        id,
        Criteria.where("status").is(ImportStatus.RUNNING),
        new Update()
            .set("status", ImportStatus.FAILED)
            .set("finishedAt", clock.instant())
            .set("failure", reason)
            .inc("problems", 1),
        job.personal() ? List.of() : List.of(fact));
  }

  private void runUndo(String id) {
    long removed = 0;
    long restored = 0;
    long kept = 0;
    long seen = 0;
    List<String> erased = new ArrayList<>();
    try (Stream<Contact> marked =
        StorePages.stream(
            mongo, Query.query(Criteria.where("importMark.importId").is(id)), Contact.class)) {
      for (Contact contact : (Iterable<Contact>) marked::iterator) {
        var mark = contact.importMark();
        if (mark == null || contact.currentVersion() != mark.versionAfter()) {
          kept++;
        } else {
          try {
            if (mark.created()) {
              store.update(contact.erased(clock.instant()));
              erased.add(contact.id());
              removed++;
            } else {
              store.update(contact.restoredBefore(mark, clock.instant()));
              restored++;
            }
          } catch (OptimisticLockingFailureException e) {
            kept++;
          }
        }
        if (++seen % StorePages.DEFAULT_SIZE == 0) {
          heartbeat(id);
          duplicates.closeReviewsOf(erased);
          erased.clear();
        }
      }
      // a review of a record that is gone has nothing left to decide
      duplicates.closeReviewsOf(erased);
      updateJob(
          id,
          new Update()
              .set("status", ImportStatus.UNDONE)
              .set("undoneAt", clock.instant())
              .set("undoRemoved", removed)
              .set("undoRestored", restored)
              .set("undoKept", kept));
      log.info("Import {} undone: {} removed, {} restored, {} kept", id, removed, restored, kept);
    } catch (RuntimeException e) {
      log.error("Undo of import {} failed", id, e);
      updateJob(
          id,
          new Update()
              .set("status", ImportStatus.FAILED)
              .set("failure", "the undo stopped: " + e.getMessage()));
    }
  }

  private void updateJob(String id, Update update) {
    mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, ImportJob.class);
  }

  private void heartbeat(String id) {
    updateJob(id, new Update().set("heartbeatAt", clock.instant()));
  }

  private static Update counters(Importer.Counts counts) {
    return new Update()
        .set("rowsRead", counts.read)
        .set("created", counts.created)
        .set("updated", counts.updated)
        .set("unchanged", counts.unchanged)
        .set("failed", counts.failed)
        .set("problems", counts.problems)
        .set("consent", counts.consent);
  }

  private Path spool(InputStream upload) throws IOException {
    Files.createDirectories(properties.spoolDirectory());
    Path file = Files.createTempFile(properties.spoolDirectory(), "upload-", ".csv");
    try (InputStream in = upload) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /** Stores each batch's counters and problems, logs now and then, and notices a cancel. */
  private final class ProgressReporter implements Importer.Progress {

    private final ImportJob job;
    private final Instant started;
    private Instant lastLog;
    private long stored;
    private boolean cancelled;
    private final long[] counted = new long[4];

    ProgressReporter(ImportJob job, Instant started) {
      this.job = job;
      this.started = started;
      this.lastLog = started;
    }

    @Override
    public void batch(Importer.Counts counts, List<ImportProblem> problems) {
      List<Document> documents = new ArrayList<>();
      for (ImportProblem problem : problems) {
        if (stored++ < properties.maxStoredProblems()) {
          documents.add(
              new Document("importId", job.id())
                  .append("row", problem.row())
                  .append("column", problem.column())
                  .append("value", problem.value())
                  .append("reason", problem.reason()));
        }
      }
      if (!documents.isEmpty()) {
        mongo.getCollection(PROBLEMS).insertMany(documents);
      }
      meters.batch(counted, counts);
      Instant now = clock.instant();
      ImportJob current =
          mongo.findAndModify(
              Query.query(Criteria.where("_id").is(job.id())),
              counters(counts).set("heartbeatAt", now),
              ImportJob.class);
      cancelled = current != null && current.cancelRequested();
      if (Duration.between(lastLog, now).toSeconds() >= 10) {
        lastLog = now;
        long total = Math.max(job.totalRows(), 1);
        log.info(
            "Import {}: {}/{} rows ({}%), {} created, {} updated, {} unchanged, {} failed, {} s",
            job.id(),
            counts.read,
            job.totalRows(),
            counts.read * 100 / total,
            counts.created,
            counts.updated,
            counts.unchanged,
            counts.failed,
            Duration.between(started, now).toSeconds());
      }
    }

    @Override
    public boolean cancelled() {
      return cancelled;
    }
  }
}
