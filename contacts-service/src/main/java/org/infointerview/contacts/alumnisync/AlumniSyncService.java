package org.infointerview.contacts.alumnisync;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.bson.Document;
import org.infointerview.contacts.alumniapi.AddressGuard;
import org.infointerview.contacts.alumniapi.AlumniDirectoryClient;
import org.infointerview.contacts.alumniapi.AlumniDirectoryClients;
import org.infointerview.contacts.alumniapi.AlumniDirectoryConnection;
import org.infointerview.contacts.alumniapi.AlumniPage;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactStatus;
import org.infointerview.contacts.imports.ImportJob;
import org.infointerview.contacts.imports.ImportService;
import org.infointerview.contacts.imports.ImportTarget;
import org.infointerview.contacts.imports.MappingProfile;
import org.infointerview.contacts.imports.MappingProfiles;
import org.infointerview.contacts.imports.RowSource;
import org.infointerview.messaging.store.StorePages;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.http.EntityTags;
import org.infointerview.support.problem.FieldError;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.problem.PreconditionException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Keeps the contacts in line with the university's alumni database through its REST API. A run is
 * an import job like a CSV upload's (same matching, progress, error report and undo) whose rows
 * come page by page from the API, asking only for records changed since the last completed run.
 * Admins start runs by hand; a cron schedule starts them too. One run at a time across all
 * instances (a ShedLock lock in Mongo, renewed with every page); each scheduled moment is claimed
 * by one instance.
 */
@Service
class AlumniSyncService {

  private static final Logger log = LoggerFactory.getLogger(AlumniSyncService.class);
  private static final String LOCK = "alumni-sync";

  /** How far before the watermark a run starts reading: records changed during a run are kept. */
  private static final Duration OVERLAP = Duration.ofMinutes(5);

  /** Who starts scheduled runs, in the audit trail. */
  static final CurrentUser SCHEDULE =
      new CurrentUser(
          "system|alumni-sync-schedule",
          "system",
          "alumni-sync-schedule",
          "Alumni sync schedule",
          null,
          false,
          Set.of(),
          null);

  private final MongoTemplate mongo;
  private final ImportService imports;
  private final MappingProfiles profiles;
  private final AlumniDirectoryClients clients;
  private final AlumniSyncProperties properties;
  private final LockProvider locks;
  private final AuditLog audit;
  private final Clock clock;

  AlumniSyncService(
      MongoTemplate mongo,
      ImportService imports,
      MappingProfiles profiles,
      AlumniDirectoryClients clients,
      AlumniSyncProperties properties,
      LockProvider locks,
      AuditLog audit,
      Clock clock) {
    this.mongo = mongo;
    this.imports = imports;
    this.profiles = profiles;
    this.clients = clients;
    this.properties = properties;
    this.locks = locks;
    this.audit = audit;
    this.clock = clock;
  }

  @Nullable AlumniSyncSettings settings() {
    return mongo.findById(AlumniSyncSettings.ID, AlumniSyncSettings.class);
  }

  /**
   * Saves the settings after checking every one (the address against request forgery, on what it
   * resolves to). Replacing existing settings needs the ETag read. A new address forgets the
   * watermark, so that the next run reads everything.
   */
  AlumniSyncSettings save(CurrentUser admin, @Nullable String ifMatch, AlumniSyncSetup change) {
    AlumniSyncSettings current = settings();
    if (current != null
        && EntityTags.required(ifMatch) != Objects.requireNonNullElse(current.version(), 0L)) {
      throw PreconditionException.changed("The alumni sync settings");
    }
    check(change);
    boolean sameSource = current != null && current.setup().baseUrl().equals(change.baseUrl());
    AlumniSyncSettings saved =
        write(
            new AlumniSyncSettings(
                AlumniSyncSettings.ID,
                change,
                sameSource ? current.watermark() : null,
                current == null ? null : current.lastRunId(),
                // the schedule counts from now: moments missed before are not caught up
                clock.instant(),
                admin.id(),
                clock.instant(),
                current == null ? null : current.version()));
    audit.record(
        admin,
        "ALUMNI_SYNC_SETTINGS",
        "AlumniSync",
        AlumniSyncSettings.ID,
        null,
        "alumni sync settings: " + change.baseUrl());
    return saved;
  }

  /**
   * Writes the settings if nobody wrote them since they were read: a schedule that claims a due
   * moment between the ETag check and this write makes the admin's write a precondition that failed
   * (412, read again), as if the check and the write were one step.
   */
  private AlumniSyncSettings write(AlumniSyncSettings settings) {
    try {
      return mongo.save(settings);
    } catch (OptimisticLockingFailureException | DuplicateKeyException raced) {
      throw PreconditionException.changed("The alumni sync settings");
    }
  }

  private void check(AlumniSyncSetup change) {
    List<FieldError> errors = new ArrayList<>();
    AddressGuard.Policy policy = policy();
    String baseRefusal = refusal(change.baseUrl(), policy);
    if (baseRefusal != null) {
      errors.add(new FieldError("baseUrl", baseRefusal));
    }
    switch (change.authentication()) {
      case NONE -> {}
      case API_KEY -> {
        if (!change.apiKeyHeader().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}")) {
          errors.add(new FieldError("apiKeyHeader", "must be an HTTP header name"));
        }
        if (!properties.hasApiKey()) {
          errors.add(
              new FieldError(
                  "authentication", "no API key is configured; set ALUMNI_API_KEY first"));
        }
      }
      case CLIENT_CREDENTIALS -> {
        if (change.tokenUrl() == null) {
          errors.add(new FieldError("tokenUrl", "is required for CLIENT_CREDENTIALS"));
        } else {
          String tokenRefusal = refusal(change.tokenUrl(), policy);
          if (tokenRefusal != null) {
            errors.add(new FieldError("tokenUrl", tokenRefusal));
          }
        }
        if (change.clientId() == null || change.clientId().isBlank()) {
          errors.add(new FieldError("clientId", "is required for CLIENT_CREDENTIALS"));
        }
        if (!properties.hasClientSecret()) {
          errors.add(
              new FieldError(
                  "authentication",
                  "no client secret is configured; set ALUMNI_API_CLIENT_SECRET first"));
        }
      }
    }
    try {
      profiles.named(change.profile());
    } catch (InvalidFieldException e) {
      errors.addAll(e.errors());
    }
    if (change.schedule() != null) {
      try {
        CronExpression.parse(change.schedule());
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError(
                "schedule",
                "is not a cron expression of six fields (second minute hour day month weekday),"
                    + " such as \"0 0 2 * * *\""));
      }
    } else if (change.enabled()) {
      errors.add(new FieldError("schedule", "is required when the schedule is enabled"));
    }
    try {
      ZoneId.of(change.zone());
    } catch (DateTimeException e) {
      errors.add(new FieldError("zone", "is not an IANA time zone such as America/New_York"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldException(errors);
    }
  }

  private static @Nullable String refusal(String url, AddressGuard.Policy policy) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "is not a URL";
    }
    if (!uri.isAbsolute() || uri.getRawFragment() != null) {
      return "must be an absolute URL without a fragment";
    }
    return AddressGuard.refusal(uri, policy);
  }

  private AddressGuard.Policy policy() {
    return new AddressGuard.Policy(properties.allowPrivateAddresses(), properties.allowPlainHttp());
  }

  /**
   * Starts a run now.
   *
   * @param full whether to read every record rather than the changes since the last run; such a run
   *     also marks do-not-contact the people of its source it no longer lists (unless it lists
   *     fewer than half of them, which says more about the API)
   * @throws ResponseStatusException 409 when the sync is not set up or a run is going on
   */
  ImportJob start(CurrentUser actor, boolean full) {
    AlumniSyncSettings settings = settings();
    if (settings == null) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "The alumni sync is not set up yet: PUT /alumni-sync first.");
    }
    Instant now = clock.instant();
    Duration atLeast = actor == SCHEDULE ? Duration.ofSeconds(30) : Duration.ZERO;
    Optional<SimpleLock> lock =
        locks.lock(new LockConfiguration(now, LOCK, properties.lockFor(), atLeast));
    if (lock.isEmpty()) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "An alumni sync is running"
              + (settings.lastRunId() == null ? "" : " (import " + settings.lastRunId() + ")")
              + "; wait for it to end or cancel it.");
    }
    AtomicReference<SimpleLock> held = new AtomicReference<>(lock.get());
    try {
      MappingProfile profile = profiles.named(settings.setup().profile());
      Instant since =
          full || settings.watermark() == null ? null : settings.watermark().minus(OVERLAP);
      String host = URI.create(settings.setup().baseUrl()).getHost();
      String description =
          "alumni API "
              + host
              + (since == null ? " (all records)" : " (changes since " + since + ")");
      ImportJob job =
          imports.startFrom(
              actor.id(),
              actor == SCHEDULE ? settings.updatedBy() : actor.id(),
              profile,
              description,
              new ApiSource(connection(settings, profile), profile, since, full, held));
      mongo.updateFirst(
          Query.query(Criteria.where("_id").is(AlumniSyncSettings.ID)),
          new Update().set("lastRunId", job.id()),
          AlumniSyncSettings.class);
      audit.record(actor, "IMPORT", "Import", job.id(), null, "alumni sync: " + description);
      log.info("Alumni sync {} started by {}: {}", job.id(), actor.id(), description);
      return job;
    } catch (RuntimeException e) {
      release(held);
      throw e;
    }
  }

  private AlumniDirectoryConnection connection(
      AlumniSyncSettings settings, MappingProfile profile) {
    String idField =
        profile.columns().stream()
            .filter(c -> c.target().equals(ImportTarget.EXTERNAL_ALUMNI_ID.key()))
            .map(c -> c.header().strip())
            .findFirst()
            .orElse("id");
    return new AlumniDirectoryConnection(
        URI.create(settings.setup().baseUrl()),
        settings.setup().pagination(),
        settings.setup().pageSize(),
        settings.setup().authentication(),
        settings.setup().apiKeyHeader(),
        properties.apiKey(),
        settings.setup().tokenUrl() == null ? null : URI.create(settings.setup().tokenUrl()),
        settings.setup().clientId(),
        properties.clientSecret(),
        settings.setup().scope(),
        idField,
        new AlumniDirectoryConnection.Behaviour(
            properties.connectTimeout(),
            properties.readTimeout(),
            properties.maxAttempts(),
            properties.initialBackoff(),
            properties.maxWait(),
            policy()));
  }

  private static void release(AtomicReference<SimpleLock> held) {
    SimpleLock lock = held.getAndSet(null);
    if (lock != null) {
      try {
        lock.unlock();
      } catch (RuntimeException e) {
        log.warn("Could not release the alumni sync lock; it runs out by itself", e);
      }
    }
  }

  /** The API's pages as a job's rows; the watermark moves when the job completes. */
  private final class ApiSource implements ImportService.JobSource {
    private final AlumniDirectoryConnection connection;
    private final MappingProfile profile;
    private final @Nullable Instant since;
    private final boolean full;
    private final AtomicReference<SimpleLock> held;
    private @Nullable AlumniApiRows rows;

    ApiSource(
        AlumniDirectoryConnection connection,
        MappingProfile profile,
        @Nullable Instant since,
        boolean full,
        AtomicReference<SimpleLock> held) {
      this.connection = connection;
      this.profile = profile;
      this.since = since;
      this.full = full;
      this.held = held;
    }

    @Override
    public RowSource open(ImportJob job) {
      AlumniDirectoryClient client = clients.open(connection);
      rows =
          new AlumniApiRows(
              client, profile, since, full ? known(profile) : null, page -> pageRead(job, page));
      return rows;
    }

    /** The people of this profile's source with an alumni id: who a full listing must name. */
    private AlumniApiRows.Known known(MappingProfile profile) {
      Query ours =
          Query.query(
              Criteria.where("source")
                  .is(profile.source())
                  .and("status")
                  .is(ContactStatus.ACTIVE)
                  .and("externalAlumniId")
                  .ne(null));
      return new AlumniApiRows.Known() {
        @Override
        public long count() {
          return mongo.count(ours, Contact.class);
        }

        @Override
        public Stream<String> ids() {
          Query ids = Query.of(ours);
          ids.fields().include("externalAlumniId");
          return StorePages.stream(
                  mongo, ids, Document.class, "contacts", StorePages.DEFAULT_SIZE * 10)
              .map(d -> d.getString("externalAlumniId"))
              .filter(Objects::nonNull);
        }
      };
    }

    private void pageRead(ImportJob job, AlumniPage page) {
      if (page.number() == 1 && page.total() != null) {
        imports.totalKnown(job.id(), page.total());
      }
      SimpleLock lock = held.get();
      if (lock != null) {
        lock.extend(properties.lockFor(), Duration.ZERO).ifPresent(held::set);
      }
    }

    @Override
    public void ended(ImportJob job, boolean completed) {
      try {
        Instant newest = rows == null ? null : rows.newestChange();
        if (completed && newest != null) {
          mongo.updateFirst(
              Query.query(
                  new Criteria()
                      .orOperator(
                          Criteria.where("watermark").is(null),
                          Criteria.where("watermark").lt(newest))
                      .and("_id")
                      .is(AlumniSyncSettings.ID)),
              new Update().set("watermark", newest),
              AlumniSyncSettings.class);
        }
      } finally {
        release(held);
      }
    }
  }

  /** Starts a run when the schedule is due and this instance claims the moment first. */
  void tick() {
    try {
      AlumniSyncSettings settings = settings();
      if (settings == null || !settings.setup().enabled() || settings.setup().schedule() == null) {
        return;
      }
      Instant due = settings.dueAt(clock.instant());
      if (due == null) {
        return;
      }
      boolean claimed =
          mongo
                  .updateFirst(
                      Query.query(
                          Criteria.where("_id")
                              .is(AlumniSyncSettings.ID)
                              .and("lastScheduledRun")
                              .is(settings.lastScheduledRun())),
                      new Update().set("lastScheduledRun", due),
                      AlumniSyncSettings.class)
                  .getModifiedCount()
              == 1;
      if (claimed) {
        start(SCHEDULE, false);
      }
    } catch (ResponseStatusException e) {
      log.info("Scheduled alumni sync skipped: {}", e.getReason());
    } catch (RuntimeException e) {
      log.warn("Scheduled alumni sync could not start", e);
    }
  }
}
