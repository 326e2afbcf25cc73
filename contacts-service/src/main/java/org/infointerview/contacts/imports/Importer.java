package org.infointerview.contacts.imports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.types.ObjectId;
import org.infointerview.contacts.careerfield.CareerFieldCatalog;
import org.infointerview.contacts.contact.Consent;
import org.infointerview.contacts.contact.ConsentActor;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactDetails;
import org.infointerview.contacts.contact.ContactDraft;
import org.infointerview.contacts.contact.ContactDraftBuilder;
import org.infointerview.contacts.contact.ContactRules;
import org.infointerview.contacts.contact.ImportMark;
import org.infointerview.contacts.contact.LinkedinKey;
import org.infointerview.contacts.contact.Provenance;
import org.infointerview.contacts.derivation.CareerFieldDerivation;
import org.infointerview.contacts.derivation.CareerFieldTable;
import org.infointerview.contacts.imports.RowMapper.ConsentCells;
import org.infointerview.contacts.imports.RowMapper.MappedRow;
import org.infointerview.contacts.text.SearchTokens;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.BulkInserts;
import org.infointerview.support.problem.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads a file's rows in batches and brings the store in line with them. Each batch finds the
 * people it names in one query, by the alumni database's id first and then by email address; rows
 * that match update their contact (an empty cell keeps the stored value unless the profile says to
 * clear it; a consent the person set themself is never overridden, except by do-not-contact), rows
 * that do not match create one, unchanged rows write nothing. New contacts go in with one bulk
 * insert, each with its ContactCreated; each write marks the contact so the import can be undone.
 * Rows that break a rule are reported, never half-stored.
 *
 * <p>Several batches are under way at once: the next rows are read and checked ({@link ReadAhead}),
 * one batch is matched, decided and prepared while the one before is written on a thread of its
 * own, so the store never waits for the importer. A batch that names someone a batch in flight
 * writes (same alumni id or address, before or after) waits until that batch is stored, so every
 * decision sees the writes of the rows above it, as if the file were imported one batch after the
 * other. Batches are counted and reported in file order.
 */
@Component
class Importer {

  /**
   * Batches written at once: one, while the next is decided and prepared. Its writer only waits for
   * the store (everything it sends is encoded before), and the store takes one bulk insert at a
   * time for the least CPU per row: two at once cost it up to a third more (benchmark, README).
   */
  private static final int WRITERS = 1;

  /** Counts so far, and what to do with problems and progress. */
  interface Progress {
    void batch(Counts counts, List<ImportProblem> problems);

    boolean cancelled();
  }

  /** The running totals of one job. */
  static final class Counts {
    long read;
    long created;
    long updated;
    long unchanged;
    long failed;
    long problems;
    ConsentCounts consent = ConsentCounts.NONE;

    /** Whether some institution contact has no alumni id; null until looked up. */
    @Nullable Boolean withoutAlumniId;

    /** The family names of the people written, for the duplicate scan that follows. */
    final Set<String> families = new HashSet<>();

    void add(Counts batch) {
      read += batch.read;
      created += batch.created;
      updated += batch.updated;
      unchanged += batch.unchanged;
      failed += batch.failed;
      problems += batch.problems;
      consent = consent.plus(batch.consent);
    }
  }

  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final BulkInserts bulk;
  private final ContactRules rules;
  private final CareerFieldCatalog careerFields;
  private final CareerFieldDerivation derivation;
  private final ImportsProperties properties;
  private final Clock clock;

  Importer(
      MongoTemplate mongo,
      AggregateStore store,
      BulkInserts bulk,
      ContactRules rules,
      CareerFieldCatalog careerFields,
      CareerFieldDerivation derivation,
      ImportsProperties properties,
      Clock clock) {
    this.derivation = derivation;
    this.mongo = mongo;
    this.store = store;
    this.bulk = bulk;
    this.rules = rules;
    this.careerFields = careerFields;
    this.properties = properties;
    this.clock = clock;
  }

  /** What a dry run found: the first rows as they would be stored, and every problem. */
  record Preview(
      MappingProfile profile,
      CsvFile.Shape shape,
      List<ContactDetails> sample,
      List<ImportProblem> problems,
      long failed,
      ConsentCounts consent) {}

  /** Reads and checks every row, writing nothing. */
  Preview preview(Path file, MappingProfile profile, int maxRows, int sampleSize, int maxProblems)
      throws IOException {
    CareerFieldCatalog.Snapshot taxonomy = careerFields.snapshot();
    List<ContactDetails> sample = new ArrayList<>();
    List<ImportProblem> problems = new ArrayList<>();
    long rows = 0;
    long failed = 0;
    ConsentCounts consent = ConsentCounts.NONE;
    try (CsvFile csv = CsvFile.open(file, profile, properties.maxRowCharacters())) {
      RowMapper mapper = new RowMapper(csv.targets(), csv.headers());
      for (RowSource.Row row = csv.next(); row != null; row = csv.next()) {
        if (++rows > maxRows) {
          throw ImportRefused.unreadable(CsvFile.tooManyRows(maxRows));
        }
        MappedRow mapped = mapper.map(row);
        ContactRules.Checked checked = rules.check(mapped.draft(), taxonomy);
        List<ImportProblem> found = problemsOf(mapper, mapped, checked.errors());
        if (found.isEmpty()) {
          if (sample.size() < sampleSize) {
            sample.add(checked.details());
          }
          if (!profile.personal()) {
            // a student's own contacts carry no consent of the directory's
            consent = consent.and(mapped.consent());
          }
        } else {
          failed++;
          for (ImportProblem problem : found) {
            if (problems.size() < maxProblems) {
              problems.add(problem);
            }
          }
        }
      }
      return new Preview(
          profile, csv.shape(CsvFile.requireRows(rows)), sample, problems, failed, consent);
    }
  }

  /** Imports every row of a file for a job; stops between batches when cancelled. */
  Counts run(ImportJob job, Path file, MappingProfile profile, Progress progress)
      throws IOException {
    return run(job, CsvFile.open(file, profile, properties.maxRowCharacters()), profile, progress);
  }

  /**
   * Imports every row of a source for a job (and closes it); stops between batches when cancelled.
   * When the source fails part way (an alumni API page that cannot be had), the rows read before
   * are still imported, then the failure goes on to the caller.
   */
  Counts run(ImportJob job, RowSource source, MappingProfile profile, Progress progress)
      throws IOException {
    CareerFieldCatalog.Snapshot taxonomy = careerFields.snapshot();
    // the directory's people are filed under career fields by the mapping table as they come
    CareerFieldTable table = job.personal() ? null : derivation.table();
    Counts counts = new Counts();
    AtomicInteger writerNumber = new AtomicInteger();
    ExecutorService writers =
        Executors.newFixedThreadPool(
            WRITERS,
            task -> {
              Thread thread =
                  new Thread(
                      task,
                      Thread.currentThread().getName()
                          + "-write-"
                          + writerNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try (RowSource rows = source) {
      RowMapper mapper = new RowMapper(rows.targets(), rows.headers());
      try (ReadAhead ahead =
          new ReadAhead(rows, properties.batchSize(), row -> prepared(mapper, row, taxonomy))) {
        Deque<Writing> writing = new ArrayDeque<>();
        for (ReadAhead.Batch batch = ahead.next(); batch != null; batch = ahead.next()) {
          // a batch that names someone a batch in flight writes is decided once that one is stored
          List<ReadAhead.Prepared> next = batch.rows();
          while (writing.stream().anyMatch(w -> w.decided().touches(next))) {
            finish(writing.removeFirst(), counts, progress);
          }
          if (progress.cancelled()) {
            break;
          }
          Decided decided = decide(job, profile, mapper, taxonomy, table, next, counts);
          if (writing.size() == WRITERS) {
            finish(writing.removeFirst(), counts, progress);
            if (progress.cancelled()) {
              break;
            }
          }
          writing.addLast(new Writing(decided, batch, writers.submit(() -> write(decided))));
          if (batch.failure() != null) {
            // the last batch the source could give
            break;
          }
        }
        // what is in flight is stored anyway, so it is counted and reported too
        while (!writing.isEmpty()) {
          finish(writing.removeFirst(), counts, progress);
        }
      }
    } finally {
      // a batch still being written when the job fails is let finish, never cut off half way
      writers.shutdown();
      try {
        writers.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return counts;
  }

  /** A batch being written while the next ones are decided and written. */
  private record Writing(Decided decided, ReadAhead.Batch batch, Future<?> written) {}

  /**
   * Waits for a batch to be stored, counts it and reports it (which also learns of a cancel); then
   * throws the failure that ended the reading after it, if one did.
   */
  private static void finish(Writing writing, Counts counts, Progress progress) throws IOException {
    try {
      writing.written().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the import was interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IOException(e.getCause());
    }
    Decided decided = writing.decided();
    counts.add(decided.tally);
    counts.families.addAll(decided.families);
    progress.batch(counts, decided.problems);
    writing.batch().rethrow();
  }

  /** A row mapped, and checked as a new contact unless it may only update one. */
  private ReadAhead.Prepared prepared(
      RowMapper mapper, RowSource.Row row, CareerFieldCatalog.Snapshot taxonomy) {
    MappedRow mapped = mapper.map(row);
    return new ReadAhead.Prepared(
        mapped, mapped.updateOnly() ? null : rules.check(mapped.draft(), taxonomy));
  }

  /**
   * What one batch comes to: the contacts to create and to change, decided from the rows in file
   * order and the store's state; its counts and problems, which its writes may still add to.
   */
  private static final class Decided {
    private final Known known;
    private final Map<String, Contact> created = new LinkedHashMap<>();
    private final Map<String, Contact> changed = new LinkedHashMap<>();
    private final Map<String, Long> rowOf = new HashMap<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Counts tally = new Counts();
    private final Set<String> families = new HashSet<>();
    private BulkInserts.@Nullable Inserts inserts;

    /** The match keys of every contact it writes, as stored before and as written. */
    private final Set<String> keys = new HashSet<>();

    Decided(Known known) {
      this.known = known;
    }

    void writes(Contact contact) {
      if (contact.details().externalAlumniId() != null) {
        keys.add(alumniKey(contact.details().externalAlumniId()));
      }
      for (String email : contact.details().emails()) {
        keys.add(emailKey(email));
      }
      if (contact.linkedinKey() != null) {
        keys.add(linkedinKey(contact.linkedinKey()));
      }
      if (known.personal) {
        keys.add(nameKey(contact.nameKey()));
      }
    }

    /** Whether some of these rows could name a person this batch writes. */
    boolean touches(List<ReadAhead.Prepared> rows) {
      for (ReadAhead.Prepared prepared : rows) {
        ContactDraft draft = prepared.row().draft();
        if (draft.externalAlumniId() != null
            && keys.contains(alumniKey(draft.externalAlumniId()))) {
          return true;
        }
        for (String email : draft.emails()) {
          if (keys.contains(emailKey(email))) {
            return true;
          }
        }
        String linkedin = LinkedinKey.of(draft.linkedinUrl());
        if (linkedin != null && keys.contains(linkedinKey(linkedin))) {
          return true;
        }
        if (known.personal && keys.contains(nameKey(Known.nameKeyOf(draft)))) {
          return true;
        }
      }
      return false;
    }

    private static String linkedinKey(String key) {
      return "in " + key;
    }

    private static String nameKey(String key) {
      return "name " + key;
    }

    private static String alumniKey(String id) {
      return "id " + id.strip().toLowerCase(Locale.ROOT);
    }

    private static String emailKey(String email) {
      return "@ " + email.strip().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Matches a batch's rows with the people stored and decides what to write, writing nothing. The
   * batch before may still be being written, so long as none of its people can be named here.
   */
  private Decided decide(
      ImportJob job,
      MappingProfile profile,
      RowMapper mapper,
      CareerFieldCatalog.Snapshot taxonomy,
      @Nullable CareerFieldTable table,
      List<ReadAhead.Prepared> rows,
      Counts counts) {
    Instant now = clock.instant();
    Known known = known(job, rows.stream().map(ReadAhead.Prepared::row).toList(), counts);
    Decided decided = new Decided(known);
    Counts tally = decided.tally;
    for (ReadAhead.Prepared prepared : rows) {
      MappedRow row = prepared.row();
      tally.read++;
      Contact match = known.match(row.draft());
      if (match == null && known.personal && sameAgain(known, row, taxonomy)) {
        tally.unchanged++;
        continue;
      }
      if (match == null && row.updateOnly()) {
        tally.unchanged++;
        continue;
      }
      List<Lossy> lossy = new ArrayList<>();
      ContactDraft draft =
          match == null
              ? row.draft()
              : merged(match.details(), row, profile.clearWhenEmpty(), lossy);
      for (Lossy kept : lossy) {
        decided.problems.add(
            new ImportProblem(
                row.number(),
                mapper.columnOf(kept.target().key()),
                kept.file(),
                "looks like the stored '"
                    + kept.stored()
                    + "' with its letters lost to '?' (the file was saved in an encoding that"
                    + " cannot hold them): the stored value was kept"));
      }
      ContactRules.Checked checked =
          match == null && prepared.checked() != null
              ? prepared.checked()
              : rules.check(draft, taxonomy);
      List<ImportProblem> found = problemsOf(mapper, row, checked.errors());
      if (!found.isEmpty()) {
        tally.failed++;
        decided.problems.addAll(found);
        continue;
      }
      if (!known.personal) {
        tally.consent = tally.consent.and(row.consent());
      }
      Provenance origin =
          new Provenance("IMPORT", job.id(), row.number(), now, checked.details().fieldsSet());
      if (match == null) {
        Contact contact =
            (known.personal
                    ? Contact.importedPersonal(
                        new ObjectId().toHexString(), job.ownerId(), checked.details(), origin)
                    : Contact.institutional(
                        new ObjectId().toHexString(),
                        profile.source(),
                        checked.details(),
                        consentFrom(row.consent(), Consent.notAsked()),
                        origin,
                        now))
                .state();
        contact =
            derived(contact, row, table, now)
                .markedBy(new ImportMark(job.id(), true, null, null, 0, now));
        decided.created.put(contact.id(), contact);
        decided.rowOf.put(contact.id(), row.number());
        decided.writes(contact);
        known.add(contact);
        tally.created++;
        if (contact.details().externalAlumniId() == null) {
          counts.withoutAlumniId = true;
        }
        if (contact.familyKey() != null) {
          decided.families.add(contact.familyKey());
        }
        continue;
      }
      // the facts are told once the contact is written: against its stored state (changedSince)
      Contact revised = match.revised(checked.details(), origin).state();
      if (!known.personal) {
        revised = derived(revised, row, table, now);
        revised = withImportedConsent(revised, row.consent(), job.id(), now);
      }
      if (revised == match) {
        tally.unchanged++;
        continue;
      }
      decided.writes(match);
      decided.writes(revised);
      if (decided.created.containsKey(match.id())) {
        decided.created.put(match.id(), revised);
      } else {
        ImportMark earlier = match.importMark();
        boolean sameJob = earlier != null && earlier.importId().equals(job.id());
        ImportMark mark =
            new ImportMark(
                job.id(),
                sameJob && earlier.created(),
                sameJob ? earlier.before() : match.details(),
                sameJob ? earlier.consentBefore() : match.consent(),
                match.currentVersion() + 1,
                now);
        decided.changed.put(match.id(), revised.markedBy(mark));
        decided.rowOf.put(match.id(), row.number());
      }
      known.add(revised);
      tally.updated++;
    }
    // turned into documents here, while the store still writes the batch before
    decided.inserts =
        bulk.prepare(decided.created.values().stream().map(Contact::creation).toList());
    return decided;
  }

  /**
   * Stores what a batch decided: new contacts in one bulk insert with their ContactCreated, changed
   * ones each with its events. A person another import added meanwhile, or a contact someone
   * changed meanwhile, becomes a problem of its row.
   */
  private void write(Decided decided) {
    Counts tally = decided.tally;
    try {
      bulk.insertAll(Objects.requireNonNull(decided.inserts));
    } catch (DuplicateKeyException e) {
      // Another import created some of these people meanwhile (same alumni id): those rows are
      // reported, the rest of the batch is stored.
      Set<String> stored = new HashSet<>();
      for (Contact contact :
          mongo.find(
              Query.query(Criteria.where("_id").in(decided.created.keySet())), Contact.class)) {
        stored.add(contact.id());
      }
      for (Contact contact : decided.created.values()) {
        if (!stored.contains(contact.id())) {
          tally.created--;
          tally.failed++;
          decided.problems.add(
              new ImportProblem(
                  decided.rowOf.getOrDefault(contact.id(), 0L),
                  "",
                  Objects.toString(contact.details().externalAlumniId(), ""),
                  "another import added this person meanwhile; import the file again to update"
                      + " them"));
        }
      }
    }
    for (Contact contact : decided.changed.values()) {
      try {
        store.update(contact.changedSince(decided.known.stored(contact.id())));
      } catch (OptimisticLockingFailureException e) {
        tally.updated--;
        tally.failed++;
        decided.problems.add(
            new ImportProblem(
                decided.rowOf.get(contact.id()),
                "",
                "",
                "the contact was changed by someone else during the import; import the file"
                    + " again to apply this row"));
      }
    }
    tally.problems = decided.problems.size();
  }

  /**
   * Whether a row without an address or LinkedIn profile that matches is one of the student's own
   * contacts imported again: same name and organization, and nothing in the row the contact lacks.
   * (A row that would change such a contact is created as its own: only stronger keys update.)
   */
  private boolean sameAgain(Known known, MappedRow row, CareerFieldCatalog.Snapshot taxonomy) {
    for (Contact same : known.sameName(row.draft())) {
      ContactRules.Checked checked =
          rules.check(merged(same.details(), row, List.of(), new ArrayList<>()), taxonomy);
      if (checked.valid() && same.details().equals(checked.details())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The contact with career fields and industry the mapping table derives, where the file left them
   * empty and they are empty or derived (never a value a person, an admin or a file set); the
   * derived values' provenance names the table's version.
   */
  private static Contact derived(
      Contact contact, MappedRow row, @Nullable CareerFieldTable table, Instant now) {
    if (table == null) {
      return contact;
    }
    boolean fields =
        !row.filled().contains(ImportTarget.CAREER_FIELDS) && contact.derivable("careerFields");
    boolean industry =
        !row.filled().contains(ImportTarget.INDUSTRY) && contact.derivable("industry");
    ContactDetails derived = table.derive(contact.details(), fields, industry);
    return derived.equals(contact.details())
        ? contact
        : contact.revised(derived, table.provenance(row.number(), now)).state();
  }

  /** A consent the file states, unless the person set theirs themself (do-not-contact aside). */
  private static Contact withImportedConsent(
      Contact contact, ConsentCells cells, String importId, Instant now) {
    if (!cells.any()) {
      return contact;
    }
    Consent current = contact.consent();
    Consent requested;
    if (contact.consentLastSetBySelf()) {
      if (!Boolean.TRUE.equals(cells.doNotContact())) {
        return contact;
      }
      requested = withDoNotContact(current);
    } else {
      requested = consentFrom(cells, current);
    }
    return contact.withConsent(requested, ConsentActor.IMPORT, importId, now).state();
  }

  private static Consent withDoNotContact(Consent c) {
    return c.withDoNotContact(true);
  }

  /** The base consent with what the file's cells say laid over it. */
  private static Consent consentFrom(ConsentCells cells, Consent base) {
    return base.with(
        c -> {
          if (cells.optedIn() != null) {
            c.optedIn(cells.optedIn());
          }
          if (cells.preference() != null) {
            c.preference(cells.preference());
          }
          if (cells.maxRequestsPerMonth() != null) {
            c.maxRequestsPerMonth(cells.maxRequestsPerMonth());
          }
          if (cells.doNotContact() != null) {
            c.doNotContact(cells.doNotContact());
          }
        });
  }

  /**
   * The stored details with the row's values laid over them: a filled cell replaces (addresses,
   * phones and tags are added to), an empty cell keeps what is stored unless the profile says to
   * clear that field.
   */
  static ContactDraft merged(
      ContactDetails stored, MappedRow row, List<String> clearWhenEmpty, List<Lossy> lossy) {
    ContactDraft base = ContactDraft.of(stored);
    ContactDraft file = row.draft();
    Set<ImportTarget> filled = row.filled();
    Merge m = new Merge(filled, clearWhenEmpty, lossy);
    return ContactDraftBuilder.builder()
        .givenName(m.one(ImportTarget.GIVEN_NAME, file.givenName(), base.givenName()))
        .familyName(m.one(ImportTarget.FAMILY_NAME, file.familyName(), base.familyName()))
        .preferredName(
            m.one(ImportTarget.PREFERRED_NAME, file.preferredName(), base.preferredName()))
        .pronouns(m.one(ImportTarget.PRONOUNS, file.pronouns(), base.pronouns()))
        .emails(m.union(ImportTarget.EMAIL, file.emails(), base.emails()))
        .phones(m.union(ImportTarget.PHONE, file.phones(), base.phones()))
        .linkedinUrl(m.one(ImportTarget.LINKEDIN_URL, file.linkedinUrl(), base.linkedinUrl()))
        .organizationName(
            m.one(ImportTarget.ORGANIZATION, file.organizationName(), base.organizationName()))
        .jobTitle(m.one(ImportTarget.JOB_TITLE, file.jobTitle(), base.jobTitle()))
        .industry(m.one(ImportTarget.INDUSTRY, file.industry(), base.industry()))
        .careerFields(m.list(ImportTarget.CAREER_FIELDS, file.careerFields(), base.careerFields()))
        .city(m.one(ImportTarget.CITY, file.city(), base.city()))
        .region(m.one(ImportTarget.REGION, file.region(), base.region()))
        .country(m.one(ImportTarget.COUNTRY, file.country(), base.country()))
        .timeZone(m.one(ImportTarget.TIME_ZONE, file.timeZone(), base.timeZone()))
        .externalAlumniId(
            m.one(
                ImportTarget.EXTERNAL_ALUMNI_ID, file.externalAlumniId(), base.externalAlumniId()))
        .graduationYear(
            m.one(ImportTarget.GRADUATION_YEAR, file.graduationYear(), base.graduationYear()))
        .degree(m.one(ImportTarget.DEGREE, file.degree(), base.degree()))
        .major(m.one(ImportTarget.MAJOR, file.major(), base.major()))
        .college(m.one(ImportTarget.COLLEGE, file.college(), base.college()))
        .tags(m.union(ImportTarget.TAGS, file.tags(), base.tags()))
        .notes(m.one(ImportTarget.NOTES, file.notes(), base.notes()))
        .build();
  }

  /** A cell that arrived as a lossy copy of the stored value, which was kept. */
  record Lossy(ImportTarget target, String file, String stored) {}

  /**
   * Whether {@code file} is {@code stored} with letters an encoding could not hold turned into
   * {@code ?} (or the replacement character): the same text but there.
   */
  static boolean lossyCopy(@Nullable String file, @Nullable String stored) {
    if (file == null || stored == null || file.equals(stored)) {
      return false;
    }
    int[] a = file.codePoints().toArray();
    int[] b = stored.codePoints().toArray();
    if (a.length != b.length) {
      return false;
    }
    boolean lost = false;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        continue;
      }
      if ((a[i] == '?' || a[i] == 0xFFFD) && b[i] > 127) {
        lost = true;
      } else {
        return false;
      }
    }
    return lost;
  }

  private record Merge(Set<ImportTarget> filled, List<String> clearWhenEmpty, List<Lossy> lossy) {

    @Nullable String one(ImportTarget target, @Nullable String file, @Nullable String stored) {
      if (filled.contains(target)) {
        if (lossyCopy(file, stored)) {
          lossy.add(new Lossy(target, file, stored));
          return stored;
        }
        return file;
      }
      return clearWhenEmpty.contains(target.key()) ? null : stored;
    }

    List<String> list(ImportTarget target, List<String> file, List<String> stored) {
      if (filled.contains(target)) {
        return file;
      }
      return clearWhenEmpty.contains(target.key()) ? List.of() : stored;
    }

    List<String> union(ImportTarget target, List<String> file, List<String> stored) {
      if (!filled.contains(target)) {
        return clearWhenEmpty.contains(target.key()) ? List.of() : stored;
      }
      Set<String> seen = new LinkedHashSet<>();
      List<String> all = new ArrayList<>();
      for (String value : file) {
        if (seen.add(value.strip().toLowerCase(Locale.ROOT))) {
          all.add(value);
        }
      }
      for (String value : stored) {
        if (seen.add(value.strip().toLowerCase(Locale.ROOT))) {
          all.add(value);
        }
      }
      return all;
    }
  }

  private static List<ImportProblem> problemsOf(
      RowMapper mapper, MappedRow row, List<FieldError> errors) {
    if (errors.isEmpty() && row.problems().isEmpty()) {
      return List.of();
    }
    List<ImportProblem> problems = new ArrayList<>(row.problems());
    for (FieldError error : errors) {
      problems.add(
          new ImportProblem(
              row.number(),
              mapper.columnOf(error.field()),
              Objects.toString(valueOf(row.draft(), error.field()), ""),
              error.reason()));
    }
    return problems;
  }

  private static @Nullable String valueOf(ContactDraft draft, String field) {
    int bracket = field.indexOf('[');
    String name = bracket < 0 ? field : field.substring(0, bracket);
    int index =
        bracket < 0 ? -1 : Integer.parseInt(field.substring(bracket + 1, field.length() - 1));
    List<String> list =
        switch (name) {
          case "emails" -> draft.emails();
          case "phones" -> draft.phones();
          case "careerFields" -> draft.careerFields();
          case "tags" -> draft.tags();
          default -> null;
        };
    if (list != null) {
      return index >= 0 && index < list.size() ? list.get(index) : String.join("; ", list);
    }
    return switch (name) {
      case "givenName" -> draft.givenName();
      case "familyName" -> draft.familyName();
      case "preferredName" -> draft.preferredName();
      case "pronouns" -> draft.pronouns();
      case "linkedinUrl" -> draft.linkedinUrl();
      case "organizationName" -> draft.organizationName();
      case "jobTitle" -> draft.jobTitle();
      case "industry" -> draft.industry();
      case "city" -> draft.city();
      case "region" -> draft.region();
      case "country" -> draft.country();
      case "timeZone" -> draft.timeZone();
      case "externalAlumniId" -> draft.externalAlumniId();
      case "graduationYear" -> draft.graduationYear();
      case "degree" -> draft.degree();
      case "major" -> draft.major();
      case "college" -> draft.college();
      case "notes" -> draft.notes();
      default -> null;
    };
  }

  /**
   * The contacts a batch names: the institution's, or for a personal import the student's own.
   * Alumni ids are looked up through their unique index (which even the embedded store uses);
   * addresses and LinkedIn profiles only where they can decide a match: for rows without an alumni
   * id, and for the others only while some institution contact has no alumni id (an address never
   * joins two different alumni ids). A personal import also looks up its rows' names, to know a row
   * imported again.
   */
  private Known known(ImportJob job, List<MappedRow> rows, Counts counts) {
    String owner = job.ownerId();
    Known known = new Known(owner != null);
    Criteria scope =
        (owner == null ? Criteria.where("ownerId").isNull() : Criteria.where("ownerId").is(owner))
            .and("status")
            .is("ACTIVE");
    Set<String> ids = new LinkedHashSet<>();
    if (owner == null) {
      for (MappedRow row : rows) {
        if (row.draft().externalAlumniId() != null) {
          ids.add(row.draft().externalAlumniId().strip());
        }
      }
    }
    if (!ids.isEmpty()) {
      for (Contact contact :
          mongo.find(Query.query(Criteria.where("externalAlumniId").in(ids)), Contact.class)) {
        known.stored(contact);
      }
    }
    if (owner == null && counts.withoutAlumniId == null) {
      counts.withoutAlumniId =
          mongo.exists(
              Query.query(
                  Criteria.where("ownerId")
                      .isNull()
                      .and("status")
                      .is("ACTIVE")
                      .and("externalAlumniId")
                      .exists(false)),
              Contact.class);
    }
    Set<String> emails = new LinkedHashSet<>();
    Set<String> profiles = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    for (MappedRow row : rows) {
      String id = owner == null ? row.draft().externalAlumniId() : null;
      boolean idDecides = id != null && known.byExternalId.containsKey(id.strip());
      boolean keysCanMatch = id == null || Boolean.TRUE.equals(counts.withoutAlumniId);
      if (!idDecides && keysCanMatch) {
        for (String email : row.draft().emails()) {
          emails.add(email.strip().toLowerCase(Locale.ROOT));
        }
        String linkedin = LinkedinKey.of(row.draft().linkedinUrl());
        if (linkedin != null) {
          profiles.add(linkedin);
        }
      }
      if (owner != null) {
        names.add(Known.nameKeyOf(row.draft()));
      }
    }
    if (!emails.isEmpty()) {
      known.storedAll(
          mongo.find(
              Query.query(Criteria.where("emailKeys").in(emails).andOperator(scope)),
              Contact.class));
    }
    if (!profiles.isEmpty()) {
      known.storedAll(
          mongo.find(
              Query.query(Criteria.where("linkedinKey").in(profiles).andOperator(scope)),
              Contact.class));
    }
    if (!names.isEmpty()) {
      known.storedAll(
          mongo.find(
              Query.query(Criteria.where("nameKey").in(names).andOperator(scope)), Contact.class));
    }
    return known;
  }

  /** Contacts by their match keys, newest state first. */
  private static final class Known {
    /** Whether these are one student's own contacts (a personal import). */
    private final boolean personal;

    private final Map<String, Contact> stored = new HashMap<>();
    private final Map<String, Contact> byId = new HashMap<>();
    private final Map<String, Contact> byExternalId = new HashMap<>();
    private final Map<String, Contact> byEmail = new HashMap<>();
    private final Map<String, Contact> byLinkedin = new HashMap<>();
    private final Map<String, Set<String>> idsByName = new HashMap<>();

    Known(boolean personal) {
      this.personal = personal;
    }

    /** A contact as the store has it. */
    void stored(Contact contact) {
      if (stored.putIfAbsent(contact.id(), contact) == null) {
        add(contact);
      }
    }

    void storedAll(List<Contact> contacts) {
      contacts.forEach(this::stored);
    }

    void add(Contact contact) {
      byId.put(contact.id(), contact);
      if (contact.details().externalAlumniId() != null) {
        byExternalId.put(contact.details().externalAlumniId(), contact);
      }
      for (String email : contact.details().emails()) {
        byEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), contact);
      }
      if (contact.linkedinKey() != null) {
        byLinkedin.putIfAbsent(contact.linkedinKey(), contact);
      }
      if (personal) {
        idsByName.computeIfAbsent(contact.nameKey(), k -> new LinkedHashSet<>()).add(contact.id());
      }
    }

    @Nullable Contact stored(String id) {
      return stored.get(id);
    }

    /**
     * The alumni id decides when the row has one; otherwise the first address that matches, then
     * the LinkedIn profile.
     */
    @Nullable Contact match(ContactDraft row) {
      if (row.externalAlumniId() != null) {
        Contact byAlumniId = byExternalId.get(row.externalAlumniId().strip());
        if (byAlumniId != null) {
          return current(byAlumniId);
        }
      }
      for (String email : row.emails()) {
        Contact byAddress = byEmail.get(email.strip().toLowerCase(Locale.ROOT));
        if (byAddress != null && compatible(row, byAddress)) {
          return current(byAddress);
        }
      }
      String linkedin = LinkedinKey.of(row.linkedinUrl());
      Contact byProfile = linkedin == null ? null : byLinkedin.get(linkedin);
      if (byProfile != null && compatible(row, byProfile)) {
        return current(byProfile);
      }
      return null;
    }

    /** A key other than the alumni id never joins two different alumni ids. */
    private static boolean compatible(ContactDraft row, Contact contact) {
      return row.externalAlumniId() == null || contact.details().externalAlumniId() == null;
    }

    /** The student's own contacts (as this import left them so far) with the row's name. */
    List<Contact> sameName(ContactDraft row) {
      Set<String> ids = idsByName.getOrDefault(nameKeyOf(row), Set.of());
      List<Contact> contacts = new ArrayList<>();
      for (String id : ids) {
        Contact contact = byId.get(id);
        if (contact != null && contact.nameKey().equals(nameKeyOf(row))) {
          contacts.add(contact);
        }
      }
      return contacts;
    }

    static String nameKeyOf(ContactDraft row) {
      return SearchTokens.nameKey(
          Objects.requireNonNullElse(row.givenName(), "").strip(),
          Objects.requireNonNullElse(row.familyName(), "").strip());
    }

    private Contact current(Contact contact) {
      return byId.getOrDefault(contact.id(), contact);
    }
  }
}
