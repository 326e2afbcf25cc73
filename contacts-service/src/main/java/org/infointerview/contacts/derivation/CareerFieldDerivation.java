package org.infointerview.contacts.derivation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.infointerview.contacts.careerfield.CareerFieldCatalog;
import org.infointerview.contacts.careerfield.CareerFieldCatalog.Kind;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactDetails;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.store.StorePages;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.problem.ConflictException;
import org.infointerview.support.problem.FieldError;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The career-field mapping table: seeded once, then the admins' (every change audited). Imports
 * derive with it as they go; a re-apply brings the whole directory in line with the table now, a
 * page at a time on a thread of its own, writing only contacts whose derived values change (each
 * with its ContactUpdated, so search and the other services see them).
 */
@Service
public class CareerFieldDerivation {

  static final int MAX_RULES = 1_000;
  private static final Duration FRESH_FOR = Duration.ofSeconds(10);
  private static final Duration STALE_APPLY = Duration.ofMinutes(10);
  private static final Logger log = LoggerFactory.getLogger(CareerFieldDerivation.class);

  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final CareerFieldCatalog catalog;
  private final AuditLog audit;
  private final Clock clock;
  private volatile @Nullable CareerFieldTable table;
  private volatile Instant readAt = Instant.EPOCH;

  CareerFieldDerivation(
      MongoTemplate mongo,
      AggregateStore store,
      CareerFieldCatalog catalog,
      AuditLog audit,
      Clock clock) {
    this.mongo = mongo;
    this.store = store;
    this.catalog = catalog;
    this.audit = audit;
    this.clock = clock;
  }

  /** The seed, stored once: an installation's table is its admins' from then on. */
  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    if (mongo.findById(CareerFieldRules.ID, CareerFieldRules.class) == null) {
      try {
        mongo.insert(
            new CareerFieldRules(
                CareerFieldRules.ID, CareerFieldRuleSeed.RULES, 1, null, clock.instant(), null));
      } catch (DuplicateKeyException raced) {
        // another instance seeded it
      }
    }
  }

  /** The table as it is now (at most a few seconds old on another instance), for many contacts. */
  public CareerFieldTable table() {
    CareerFieldTable current = table;
    if (current == null || clock.instant().isAfter(readAt.plus(FRESH_FOR))) {
      CareerFieldRules stored = stored();
      current = new CareerFieldTable(stored.version(), stored.rules());
      table = current;
      readAt = clock.instant();
    }
    return current;
  }

  CareerFieldRules stored() {
    CareerFieldRules stored = mongo.findById(CareerFieldRules.ID, CareerFieldRules.class);
    return stored != null
        ? stored
        : new CareerFieldRules(
            CareerFieldRules.ID, CareerFieldRuleSeed.RULES, 1, null, Instant.EPOCH, null);
  }

  /** Replaces the table after checking every rule against the taxonomy; audited. */
  CareerFieldRules replace(CurrentUser admin, List<CareerFieldRule> rules) {
    CareerFieldCatalog.Snapshot taxonomy = catalog.snapshot();
    List<FieldError> errors = new ArrayList<>();
    List<CareerFieldRule> checked = new ArrayList<>();
    if (rules.size() > MAX_RULES) {
      errors.add(new FieldError("rules", "must be at most " + MAX_RULES));
    }
    for (int i = 0; i < rules.size() && errors.isEmpty(); i++) {
      checked.add(checked(rules.get(i), "rules[" + i + "]", taxonomy, errors));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldException(errors);
    }
    audit.record(
        admin,
        "CAREER_FIELD_RULES",
        "CareerFieldRules",
        CareerFieldRules.ID,
        null,
        checked.size() + " rules");
    mongo.upsert(
        Query.query(Criteria.where("_id").is(CareerFieldRules.ID)),
        new Update()
            .set("rules", checked)
            .set("updatedBy", admin.id())
            .set("updatedAt", clock.instant())
            .inc("version", 1),
        CareerFieldRules.class);
    table = null;
    return stored();
  }

  private static CareerFieldRule checked(
      CareerFieldRule rule,
      String at,
      CareerFieldCatalog.Snapshot taxonomy,
      List<FieldError> errors) {
    List<String> fields = new ArrayList<>();
    for (int j = 0; j < rule.careerFields().size(); j++) {
      String code = taxonomy.code(rule.careerFields().get(j), Kind.CAREER_CLUSTER);
      if (code == null) {
        errors.add(
            new FieldError(
                at + ".careerFields[" + j + "]",
                "is not a career cluster of the taxonomy (see /career-fields)"));
      } else {
        fields.add(code);
      }
    }
    String industry = null;
    if (rule.industry() != null && !rule.industry().isBlank()) {
      industry = taxonomy.code(rule.industry(), Kind.INDUSTRY);
      if (industry == null) {
        errors.add(
            new FieldError(
                at + ".industry", "is not an industry of the taxonomy (see /career-fields)"));
      }
    }
    if (rule.careerFields().isEmpty() && industry == null && errors.isEmpty()) {
      errors.add(new FieldError(at, "must name career fields, an industry or both"));
    }
    if (rule.words().strip().split("\\s+").length > 5) {
      errors.add(new FieldError(at + ".words", "must be at most 5 words"));
    }
    return new CareerFieldRule(rule.source(), rule.words().strip(), fields, industry);
  }

  /**
   * Starts a pass over the directory with the table as it is now; refused while one runs. Audited.
   */
  CareerFieldRules apply(CurrentUser admin) {
    CareerFieldRules stored = stored();
    CareerFieldRules.Apply running = stored.lastApply();
    Instant now = clock.instant();
    if (running != null
        && running.finishedAt() == null
        && running.startedAt().isAfter(now.minus(STALE_APPLY))) {
      throw new ConflictException(
          "APPLY_RUNNING",
          "The table is being applied to the directory already (since "
              + running.startedAt()
              + "); wait for it to end.");
    }
    audit.record(
        admin,
        "CAREER_FIELD_RULES_APPLY",
        "CareerFieldRules",
        CareerFieldRules.ID,
        null,
        "re-apply of version " + stored.version());
    CareerFieldRules.Apply started =
        new CareerFieldRules.Apply(stored.version(), admin.id(), now, null, 0, 0, null);
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(CareerFieldRules.ID)),
        new Update().set("lastApply", started),
        CareerFieldRules.class);
    table = null;
    CareerFieldTable current = table();
    Thread pass = new Thread(() -> applyAll(current, started), "career-field-apply");
    pass.setDaemon(true);
    pass.start();
    return stored();
  }

  /** Every institution contact whose derivable values the table now gives otherwise is written. */
  void applyAll(CareerFieldTable current, CareerFieldRules.Apply started) {
    long seen = 0;
    long changed = 0;
    String failure = null;
    Query directory = Query.query(Criteria.where("ownerId").isNull().and("status").is("ACTIVE"));
    try (Stream<Contact> contacts = StorePages.stream(mongo, directory, Contact.class)) {
      for (Contact contact : (Iterable<Contact>) contacts::iterator) {
        if (rederived(contact, current)) {
          changed++;
        }
        if (++seen % StorePages.DEFAULT_SIZE == 0) {
          progress(started, seen, changed, null, null);
        }
      }
    } catch (RuntimeException e) {
      log.error("The career-field table could not be applied to the whole directory", e);
      failure = "the pass stopped: " + e.getMessage();
    }
    progress(started, seen, changed, clock.instant(), failure);
    log.info(
        "Career-field table v{} applied: {} contacts read, {} changed",
        current.version(),
        seen,
        changed);
  }

  private boolean rederived(Contact contact, CareerFieldTable current) {
    boolean fields = contact.derivable("careerFields");
    boolean industry = contact.derivable("industry");
    ContactDetails derived = current.derive(contact.details(), fields, industry);
    if (derived.equals(contact.details())) {
      return false;
    }
    try {
      store.update(contact.revised(derived, current.provenance(null, clock.instant())));
      return true;
    } catch (OptimisticLockingFailureException changedMeanwhile) {
      // someone wrote it since it was read: the next re-apply takes it
      return false;
    }
  }

  private void progress(
      CareerFieldRules.Apply started,
      long seen,
      long changed,
      @Nullable Instant finishedAt,
      @Nullable String failure) {
    mongo.updateFirst(
        Query.query(
            Criteria.where("_id")
                .is(CareerFieldRules.ID)
                .and("lastApply.startedAt")
                .is(started.startedAt())),
        new Update()
            .set(
                "lastApply",
                new CareerFieldRules.Apply(
                    started.version(),
                    started.requestedBy(),
                    started.startedAt(),
                    finishedAt,
                    seen,
                    changed,
                    failure)),
        CareerFieldRules.class);
  }
}
