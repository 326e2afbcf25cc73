package org.infointerview.contacts.careerfield;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.infointerview.contacts.text.SearchTokens;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The career-field taxonomy: seeded with the 16 career clusters and common industries the first
 * time the service starts, then the admins'. Readers get a snapshot that is at most a few seconds
 * old on other instances, current on this one.
 */
@Service
public class CareerFieldCatalog {

  /** What an entry classifies. */
  public enum Kind {
    CAREER_CLUSTER,
    INDUSTRY
  }

  private static final Duration FRESH_FOR = Duration.ofSeconds(10);

  private final MongoTemplate mongo;
  private final Clock clock;
  private volatile @Nullable Snapshot snapshot;
  private volatile Instant readAt = Instant.EPOCH;

  CareerFieldCatalog(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** The seed, written only where the code is not there yet (so admins' edits survive). */
  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    for (CareerField field : CareerFieldSeed.ENTRIES) {
      mongo.upsert(
          Query.query(Criteria.where("_id").is(field.code())),
          new Update()
              .setOnInsert("name", field.name())
              .setOnInsert("kind", field.kind())
              .setOnInsert("retired", false),
          CareerField.class);
    }
    invalidate();
  }

  /** The taxonomy as it is now, for checking many values against the same state. */
  public Snapshot snapshot() {
    Snapshot current = snapshot;
    if (current == null || clock.instant().isAfter(readAt.plus(FRESH_FOR))) {
      current = new Snapshot(mongo.findAll(CareerField.class));
      snapshot = current;
      readAt = clock.instant();
    }
    return current;
  }

  List<CareerField> all() {
    return snapshot().entries.values().stream()
        .sorted(Comparator.comparing(CareerField::kind).thenComparing(CareerField::name))
        .toList();
  }

  CareerField add(String code, String name, Kind kind) {
    try {
      CareerField field = mongo.insert(new CareerField(code, name, kind, false));
      invalidate();
      return field;
    } catch (DuplicateKeyException e) {
      throw new InvalidFieldException("code", "is already in the taxonomy");
    }
  }

  CareerField rename(String code, String name, boolean retired) {
    CareerField field =
        mongo.findAndModify(
            Query.query(Criteria.where("_id").is(code)),
            new Update().set("name", name).set("retired", retired),
            FindAndModifyOptions.options().returnNew(true),
            CareerField.class);
    if (field == null) {
      throw new NotFoundException("Career field", code);
    }
    invalidate();
    return field;
  }

  private void invalidate() {
    snapshot = null;
  }

  /** An immutable view of the taxonomy. */
  public static final class Snapshot {

    private final Map<String, CareerField> entries = new HashMap<>();
    private final Map<String, CareerField> byName = new HashMap<>();

    /** The taxonomy a new installation starts with. */
    public static Snapshot seed() {
      return new Snapshot(CareerFieldSeed.ENTRIES);
    }

    Snapshot(List<CareerField> fields) {
      for (CareerField field : fields) {
        entries.put(field.code(), field);
        byName.put(SearchTokens.fold(field.name()).strip(), field);
      }
    }

    /**
     * The code a value names, by code ({@code information_technology} too) or by name ({@code
     * Information Technology}); null when it names no current entry of the kind (any kind if null).
     */
    public @Nullable String code(String value, @Nullable Kind kind) {
      String asCode = value.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
      CareerField field = entries.get(asCode);
      if (field == null) {
        field = byName.get(SearchTokens.fold(value).strip());
      }
      if (field == null || field.retired() || (kind != null && field.kind() != kind)) {
        return null;
      }
      return field.code();
    }

    /** Whether a code is in the taxonomy, current or retired. */
    public boolean known(String code) {
      return entries.containsKey(code);
    }
  }
}
