package org.infointerview.contacts.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.types.ObjectId;
import org.infointerview.contacts.careerfield.CareerFieldCatalog;
import org.infointerview.contacts.contact.Consent;
import org.infointerview.contacts.contact.ConsentActor;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactDetails;
import org.infointerview.contacts.contact.ContactDraft;
import org.infointerview.contacts.contact.ContactRules;
import org.infointerview.contacts.contact.ImportMark;
import org.infointerview.contacts.contact.Provenance;
import org.infointerview.contacts.imports.RowMapper.ConsentCells;
import org.infointerview.contacts.imports.RowMapper.MappedRow;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Outbox;
import org.infointerview.messaging.outbox.OutboxEntry;
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
 */
@Component
class Importer {

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

    /** Whether some institution contact has no alumni id; null until looked up. */
    @Nullable Boolean withoutAlumniId;

    /** The family names of the people written, for the duplicate scan that follows. */
    final java.util.Set<String> families = new java.util.HashSet<>();
  }

  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final Outbox outbox;
  private final ContactRules rules;
  private final CareerFieldCatalog careerFields;
  private final ImportsProperties properties;
  private final Clock clock;

  Importer(
      MongoTemplate mongo,
      AggregateStore store,
      Outbox outbox,
      ContactRules rules,
      CareerFieldCatalog careerFields,
      ImportsProperties properties,
      Clock clock) {
    this.mongo = mongo;
    this.store = store;
    this.outbox = outbox;
    this.rules = rules;
    this.careerFields = careerFields;
    this.properties = properties;
    this.clock = clock;
  }

  /** What a dry run found: the first rows as they would be stored, and every problem. */
  record Preview(
      CsvFile.Shape shape,
      List<ContactDetails> sample,
      List<ImportProblem> problems,
      long failed) {}

  /** Reads and checks every row, writing nothing. */
  Preview preview(Path file, MappingProfile profile, int sampleSize, int maxProblems)
      throws IOException {
    CareerFieldCatalog.Snapshot taxonomy = careerFields.snapshot();
    List<ContactDetails> sample = new ArrayList<>();
    List<ImportProblem> problems = new ArrayList<>();
    long rows = 0;
    long failed = 0;
    try (CsvFile csv = CsvFile.open(file, profile, properties.maxRowCharacters())) {
      RowMapper mapper = new RowMapper(csv.targets(), csv.headers());
      for (RowSource.Row row = csv.next(); row != null; row = csv.next()) {
        if (++rows > properties.maxRows()) {
          throw ImportRefused.unreadable(
              "the file has more than " + properties.maxRows() + " rows; split it");
        }
        MappedRow mapped = mapper.map(row);
        ContactRules.Checked checked = rules.check(mapped.draft(), taxonomy);
        List<ImportProblem> found = problemsOf(mapper, mapped, checked.errors());
        if (found.isEmpty()) {
          if (sample.size() < sampleSize) {
            sample.add(checked.details());
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
      return new Preview(csv.shape(rows), sample, problems, failed);
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
    Counts counts = new Counts();
    try (RowSource rows = source) {
      RowMapper mapper = new RowMapper(rows.targets(), rows.headers());
      try (ReadAhead ahead =
          new ReadAhead(rows, properties.batchSize(), row -> prepared(mapper, row, taxonomy))) {
        for (ReadAhead.Batch batch = ahead.next(); batch != null; batch = ahead.next()) {
          progress.batch(counts, importBatch(job, profile, mapper, taxonomy, batch.rows(), counts));
          batch.rethrow();
          if (progress.cancelled()) {
            return counts;
          }
        }
      }
    }
    return counts;
  }

  /** A row mapped, and checked as a new contact unless it may only update one. */
  private ReadAhead.Prepared prepared(
      RowMapper mapper, RowSource.Row row, CareerFieldCatalog.Snapshot taxonomy) {
    MappedRow mapped = mapper.map(row);
    return new ReadAhead.Prepared(
        mapped, mapped.updateOnly() ? null : rules.check(mapped.draft(), taxonomy));
  }

  private List<ImportProblem> importBatch(
      ImportJob job,
      MappingProfile profile,
      RowMapper mapper,
      CareerFieldCatalog.Snapshot taxonomy,
      List<ReadAhead.Prepared> rows,
      Counts counts) {
    Instant now = clock.instant();
    Known known = known(rows.stream().map(ReadAhead.Prepared::row).toList(), counts);
    Map<String, Contact> created = new LinkedHashMap<>();
    Map<String, Contact> changed = new LinkedHashMap<>();
    Map<String, Long> rowOf = new HashMap<>();
    List<ImportProblem> problems = new ArrayList<>();
    for (ReadAhead.Prepared prepared : rows) {
      MappedRow row = prepared.row();
      counts.read++;
      Contact match = known.match(row.draft());
      if (match == null && row.updateOnly()) {
        counts.unchanged++;
        continue;
      }
      ContactDraft draft =
          match == null ? row.draft() : merged(match.details(), row, profile.clearWhenEmpty());
      ContactRules.Checked checked =
          match == null && prepared.checked() != null
              ? prepared.checked()
              : rules.check(draft, taxonomy);
      List<ImportProblem> found = problemsOf(mapper, row, checked.errors());
      if (!found.isEmpty()) {
        counts.failed++;
        problems.addAll(found);
        continue;
      }
      Provenance origin =
          new Provenance("IMPORT", job.id(), row.number(), now, checked.details().fieldsSet());
      if (match == null) {
        Contact contact =
            Contact.institutional(
                    new ObjectId().toHexString(),
                    profile.source(),
                    checked.details(),
                    consentFrom(row.consent(), Consent.notAsked()),
                    origin,
                    now)
                .markedBy(new ImportMark(job.id(), true, null, null, 0, now));
        created.put(contact.id(), contact);
        rowOf.put(contact.id(), row.number());
        known.add(contact);
        counts.created++;
        if (contact.details().externalAlumniId() == null) {
          counts.withoutAlumniId = true;
        }
        if (contact.familyKey() != null) {
          counts.families.add(contact.familyKey());
        }
        continue;
      }
      Contact revised = match.revised(checked.details(), origin);
      revised = withImportedConsent(revised, row.consent(), job.id(), now);
      if (revised == match) {
        counts.unchanged++;
        continue;
      }
      if (created.containsKey(match.id())) {
        created.put(match.id(), revised);
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
        changed.put(match.id(), revised.markedBy(mark));
        rowOf.put(match.id(), row.number());
      }
      known.add(revised);
      counts.updated++;
    }
    List<Contact> inserts = List.copyOf(created.values());
    try {
      store.insertAll(inserts, c -> List.of(outbox.entry(c.id(), c.created())));
    } catch (DuplicateKeyException e) {
      // Another import created some of these people meanwhile (same alumni id): those rows are
      // reported, the rest of the batch is stored.
      Set<String> stored = new java.util.HashSet<>();
      for (Contact contact :
          mongo.find(Query.query(Criteria.where("_id").in(created.keySet())), Contact.class)) {
        stored.add(contact.id());
      }
      for (Contact contact : inserts) {
        if (!stored.contains(contact.id())) {
          counts.created--;
          counts.failed++;
          problems.add(
              new ImportProblem(
                  rowOf.getOrDefault(contact.id(), 0L),
                  "",
                  Objects.toString(contact.details().externalAlumniId(), ""),
                  "another import added this person meanwhile; import the file again to update"
                      + " them"));
        }
      }
    }
    for (Contact contact : changed.values()) {
      Contact before = known.stored(contact.id());
      List<OutboxEntry> events = new ArrayList<>();
      if (before == null || !before.details().equals(contact.details())) {
        events.add(outbox.entry(contact.id(), contact.updated()));
      }
      if (before == null || !before.consent().sameChoicesAs(contact.consent())) {
        events.add(outbox.entry(contact.id(), contact.consentChanged()));
      }
      try {
        store.update(contact, events);
      } catch (OptimisticLockingFailureException e) {
        counts.updated--;
        counts.failed++;
        problems.add(
            new ImportProblem(
                rowOf.get(contact.id()),
                "",
                "",
                "the contact was changed by someone else during the import; import the file"
                    + " again to apply this row"));
      }
    }
    counts.problems += problems.size();
    return problems;
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
    return contact.withConsent(requested, ConsentActor.IMPORT, importId, now);
  }

  private static Consent withDoNotContact(Consent c) {
    return new Consent(
        c.optedIn(),
        c.optedInAt(),
        c.optInSource(),
        c.preference(),
        c.channel(),
        c.maxRequestsPerMonth(),
        c.pausedUntil(),
        true);
  }

  private static Consent consentFrom(ConsentCells cells, Consent base) {
    boolean optedIn = cells.optedIn() == null ? base.optedIn() : cells.optedIn();
    return new Consent(
        optedIn,
        base.optedInAt(),
        base.optInSource(),
        cells.preference() == null ? base.preference() : cells.preference(),
        base.channel(),
        cells.maxRequestsPerMonth() == null
            ? base.maxRequestsPerMonth()
            : cells.maxRequestsPerMonth(),
        base.pausedUntil(),
        cells.doNotContact() == null ? base.doNotContact() : cells.doNotContact());
  }

  /**
   * The stored details with the row's values laid over them: a filled cell replaces (addresses,
   * phones and tags are added to), an empty cell keeps what is stored unless the profile says to
   * clear that field.
   */
  static ContactDraft merged(ContactDetails stored, MappedRow row, List<String> clearWhenEmpty) {
    ContactDraft base = ContactDraft.of(stored);
    ContactDraft file = row.draft();
    Set<ImportTarget> filled = row.filled();
    Merge m = new Merge(filled, clearWhenEmpty);
    return new ContactDraft(
        m.one(ImportTarget.GIVEN_NAME, file.givenName(), base.givenName()),
        m.one(ImportTarget.FAMILY_NAME, file.familyName(), base.familyName()),
        m.one(ImportTarget.PREFERRED_NAME, file.preferredName(), base.preferredName()),
        m.one(ImportTarget.PRONOUNS, file.pronouns(), base.pronouns()),
        m.union(ImportTarget.EMAIL, file.emails(), base.emails()),
        m.union(ImportTarget.PHONE, file.phones(), base.phones()),
        m.one(ImportTarget.LINKEDIN_URL, file.linkedinUrl(), base.linkedinUrl()),
        m.one(ImportTarget.ORGANIZATION, file.organizationName(), base.organizationName()),
        m.one(ImportTarget.JOB_TITLE, file.jobTitle(), base.jobTitle()),
        m.one(ImportTarget.INDUSTRY, file.industry(), base.industry()),
        m.list(ImportTarget.CAREER_FIELDS, file.careerFields(), base.careerFields()),
        m.one(ImportTarget.CITY, file.city(), base.city()),
        m.one(ImportTarget.REGION, file.region(), base.region()),
        m.one(ImportTarget.COUNTRY, file.country(), base.country()),
        m.one(ImportTarget.TIME_ZONE, file.timeZone(), base.timeZone()),
        m.one(ImportTarget.EXTERNAL_ALUMNI_ID, file.externalAlumniId(), base.externalAlumniId()),
        m.one(ImportTarget.GRADUATION_YEAR, file.graduationYear(), base.graduationYear()),
        m.one(ImportTarget.DEGREE, file.degree(), base.degree()),
        m.one(ImportTarget.MAJOR, file.major(), base.major()),
        m.one(ImportTarget.COLLEGE, file.college(), base.college()),
        m.union(ImportTarget.TAGS, file.tags(), base.tags()));
  }

  private record Merge(Set<ImportTarget> filled, List<String> clearWhenEmpty) {

    @Nullable String one(ImportTarget target, @Nullable String file, @Nullable String stored) {
      if (filled.contains(target)) {
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
      default -> null;
    };
  }

  /**
   * The institution contacts a batch names. Alumni ids are looked up through their unique index
   * (which even the embedded store uses); addresses only where they can decide a match: for rows
   * without an alumni id, and for the others only while some institution contact has no alumni id
   * (an address never joins two different alumni ids).
   */
  private Known known(List<MappedRow> rows, Counts counts) {
    Set<String> ids = new LinkedHashSet<>();
    for (MappedRow row : rows) {
      if (row.draft().externalAlumniId() != null) {
        ids.add(row.draft().externalAlumniId().strip());
      }
    }
    Known known = new Known();
    if (!ids.isEmpty()) {
      for (Contact contact :
          mongo.find(Query.query(Criteria.where("externalAlumniId").in(ids)), Contact.class)) {
        known.stored.put(contact.id(), contact);
        known.add(contact);
      }
    }
    if (counts.withoutAlumniId == null) {
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
    for (MappedRow row : rows) {
      String id = row.draft().externalAlumniId();
      boolean idDecides = id != null && known.byExternalId.containsKey(id.strip());
      boolean addressCanMatch = id == null || counts.withoutAlumniId;
      if (!idDecides && addressCanMatch) {
        for (String email : row.draft().emails()) {
          emails.add(email.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    if (!emails.isEmpty()) {
      Query byAddress =
          Query.query(
              Criteria.where("emailKeys")
                  .in(emails)
                  .and("ownerId")
                  .isNull()
                  .and("status")
                  .is("ACTIVE"));
      for (Contact contact : mongo.find(byAddress, Contact.class)) {
        if (!known.stored.containsKey(contact.id())) {
          known.stored.put(contact.id(), contact);
          known.add(contact);
        }
      }
    }
    return known;
  }

  /** Contacts by their match keys, newest state first. */
  private static final class Known {
    private final Map<String, Contact> stored = new HashMap<>();
    private final Map<String, Contact> byId = new HashMap<>();
    private final Map<String, Contact> byExternalId = new HashMap<>();
    private final Map<String, Contact> byEmail = new HashMap<>();

    void add(Contact contact) {
      byId.put(contact.id(), contact);
      if (contact.details().externalAlumniId() != null) {
        byExternalId.put(contact.details().externalAlumniId(), contact);
      }
      for (String email : contact.details().emails()) {
        byEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), contact);
      }
    }

    @Nullable Contact stored(String id) {
      return stored.get(id);
    }

    /** The alumni id decides when the row has one; otherwise the first address that matches. */
    @Nullable Contact match(ContactDraft row) {
      if (row.externalAlumniId() != null) {
        Contact byAlumniId = byExternalId.get(row.externalAlumniId().strip());
        if (byAlumniId != null) {
          return current(byAlumniId);
        }
      }
      for (String email : row.emails()) {
        Contact byAddress = byEmail.get(email.strip().toLowerCase(Locale.ROOT));
        if (byAddress != null
            && (row.externalAlumniId() == null || byAddress.details().externalAlumniId() == null)) {
          return current(byAddress);
        }
      }
      return null;
    }

    private Contact current(Contact contact) {
      return byId.getOrDefault(contact.id(), contact);
    }
  }
}
