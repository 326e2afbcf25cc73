package org.infointerview.contacts.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.infointerview.contacts.contact.ContactSource;
import org.infointerview.support.problem.FieldError;
import org.infointerview.support.problem.InvalidFieldException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The saved header mappings, the built-in ones seeded once and then the admins'. */
@Service
public class MappingProfiles {

  private final MongoTemplate mongo;
  private final Clock clock;

  MappingProfiles(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * The built-in profiles: stored when missing, and brought up to this release's columns while
   * nobody edited them (version 0, as seeded); a profile an admin saved stays theirs.
   */
  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    for (MappingProfile profile : MappingProfile.builtIn(clock.instant())) {
      MappingProfile stored = mongo.findById(profile.name(), MappingProfile.class);
      if (stored == null) {
        try {
          mongo.insert(profile);
        } catch (DuplicateKeyException raced) {
          // another instance seeded it
        }
      } else if (Long.valueOf(0).equals(stored.version())
          && (!stored.columns().equals(profile.columns()) || stored.source() != profile.source())) {
        mongo.updateFirst(
            Query.query(Criteria.where("_id").is(profile.name()).and("version").is(0L)),
            new Update()
                .set("columns", profile.columns())
                .set("source", profile.source())
                .set("description", profile.description())
                .set("updatedAt", profile.updatedAt()),
            MappingProfile.class);
      }
    }
  }

  List<MappingProfile> all() {
    return mongo.find(new Query().with(Sort.by("_id")), MappingProfile.class);
  }

  /** The profiles of students' own files (LinkedIn, Google, Outlook), by name. */
  List<MappingProfile> personal() {
    return mongo.find(
        Query.query(Criteria.where("source").is(ContactSource.PERSONAL)).with(Sort.by("_id")),
        MappingProfile.class);
  }

  public MappingProfile named(String name) {
    MappingProfile profile = mongo.findById(name, MappingProfile.class);
    if (profile == null) {
      throw new InvalidFieldException(
          "profile", "there is no mapping profile named '" + name + "'; see /imports/profiles");
    }
    return profile;
  }

  /** Creates or replaces a profile after checking every column's target. */
  MappingProfile save(
      String name,
      String description,
      ContactSource source,
      List<MappingProfile.ColumnMapping> columns,
      List<String> clearWhenEmpty) {
    List<FieldError> errors = new ArrayList<>();
    if (source.isOwned()) {
      errors.add(
          new FieldError(
              "source", "must be ALUMNI_IMPORT, ALUMNI_DIRECTORY or EMPLOYER_DIRECTORY"));
    }
    MappingProfile existing = mongo.findById(name, MappingProfile.class);
    if (existing != null && existing.personal()) {
      errors.add(
          new FieldError(
              "name",
              "'"
                  + name
                  + "' reads students' own files (they import it under /me/imports); save a"
                  + " directory profile under another name"));
    }
    Set<String> headers = new HashSet<>();
    // Several columns may fill one field (the names other files give the same column): a row's
    // first filled one counts where the field takes one value.
    Set<ImportTarget> used = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      MappingProfile.ColumnMapping column = columns.get(i);
      if (!headers.add(CsvFile.normalized(column.header()))) {
        errors.add(new FieldError("columns[" + i + "].header", "appears twice"));
      }
      var target = ImportTarget.byKey(column.target());
      if (target.isEmpty()) {
        errors.add(
            new FieldError(
                "columns[" + i + "].target",
                "is not a field an import can fill; use one of " + targetKeys()));
      } else {
        used.add(target.get());
      }
    }
    for (ImportTarget required : List.of(ImportTarget.GIVEN_NAME, ImportTarget.FAMILY_NAME)) {
      if (!used.contains(required)) {
        errors.add(new FieldError("columns", "must map a column to " + required.key()));
      }
    }
    for (int i = 0; i < clearWhenEmpty.size(); i++) {
      if (ImportTarget.byKey(clearWhenEmpty.get(i)).isEmpty()) {
        errors.add(
            new FieldError("clearWhenEmpty[" + i + "]", "is not a field an import can fill"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldException(errors);
    }
    mongo.upsert(
        Query.query(Criteria.where("_id").is(name)),
        new Update()
            .set("description", description)
            .set("source", source)
            .set("columns", columns)
            .set("clearWhenEmpty", clearWhenEmpty)
            .set("updatedAt", clock.instant())
            .inc("version", 1),
        MappingProfile.class);
    return named(name);
  }

  private static List<String> targetKeys() {
    return Arrays.stream(ImportTarget.values()).map(ImportTarget::key).toList();
  }
}
