package org.infointerview.interviews.analytics;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * The interviews counted by the day they were planned (UTC), so that a report reads a document a
 * day instead of every interview: each day keeps the ids of its interviews and their counts in
 * slices, one per career field and studies (class year, major, program).
 *
 * <p>A write to an interview <em>marks</em> its day (its id added, {@code marks} up by one, {@code
 * dirty}); a <em>build</em> counts the day again from its interviews, read by id, and stores the
 * slices only if no mark came meanwhile ({@code marks} still the one it read), so a build that
 * raced a write never hides it: the day stays dirty and is built again. Reports build the dirty
 * days of their range first, so they count every write that was answered before they were asked;
 * the schedule builds the rest in the background. A <em>reconcile</em> pass (at the first report,
 * and daily) reads every interview's day and last change and marks the days a lost mark left behind
 * (a process stopped between an interview's write and its mark).
 */
@Component
class CohortDays {

  static final String COLLECTION = "cohort_days";

  /** The document that says when the last reconcile pass ended; not a day. */
  static final String RECONCILED = "reconciled";

  private static final int PAGE = 500;
  private static final int DAYS_A_PAGE = 31;

  private final MongoTemplate mongo;
  private final Clock clock;

  CohortDays(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
    IndexOperations indexes = mongo.indexOps(COLLECTION);
    indexes.createIndex(new Index().on("dirty", Sort.Direction.ASC).sparse());
    indexes.createIndex(new Index().on("interviewIds", Sort.Direction.ASC));
    indexes.createIndex(new Index().on("slices.students", Sort.Direction.ASC));
  }

  /** Marks the days of interviews written now: each id on its day, the day to be built. */
  void mark(Map<LocalDate, List<Object>> idsByDay) {
    idsByDay.forEach((day, ids) -> markDay(day.toString(), ids));
  }

  /** A day's mark: one more, to be built, waiting since the first mark not built yet. */
  private Bson marked() {
    return Updates.combine(
        Updates.inc("marks", 1L),
        Updates.set("dirty", true),
        Updates.min("dirtySince", Date.from(clock.instant())));
  }

  private void markDay(String day, List<Object> ids) {
    Bson marked = marked();
    days()
        .updateOne(
            Filters.eq("_id", day),
            ids.isEmpty()
                ? marked
                : Updates.combine(Updates.addEachToSet("interviewIds", ids), marked),
            new UpdateOptions().upsert(true));
  }

  /**
   * Marks the days of interviews written in part, or removed: each is read again for its day, and
   * every day that holds one of them is to be built (a removed interview leaves it then).
   *
   * @return the days marked
   */
  Set<String> markAgain(Collection<?> ids) {
    List<Object> stored = ids.stream().map(CohortDays::stored).toList();
    Map<LocalDate, List<Object>> byDay = new HashMap<>();
    Set<String> marked = new TreeSet<>();
    for (int from = 0; from < stored.size(); from += PAGE) {
      List<Object> page = stored.subList(from, Math.min(stored.size(), from + PAGE));
      interviews()
          .find(Filters.in("_id", page))
          .projection(Projections.include("createdAt"))
          .forEach(i -> byDay.computeIfAbsent(dayOf(i), d -> new ArrayList<>()).add(i.get("_id")));
      days()
          .find(Filters.in("interviewIds", page))
          .projection(Projections.include("_id"))
          .forEach(d -> marked.add(d.getString("_id")));
    }
    for (String day : marked) {
      markDay(day, List.of());
    }
    mark(byDay);
    byDay.keySet().forEach(day -> marked.add(day.toString()));
    return marked;
  }

  /** Marks the days with an interview of this student: their studies moved it to another slice. */
  void markStudent(String studentId) {
    days().updateMany(Filters.eq("slices.students", studentId), marked());
  }

  /**
   * Counts a day again from its interviews and stores it, unless a mark came meanwhile.
   *
   * @return whether the day is built now
   */
  boolean build(String day) {
    Document stored =
        days()
            .find(Filters.eq("_id", day))
            .projection(Projections.include("marks", "interviewIds"))
            .first();
    if (stored == null) {
      return true;
    }
    long marks = stored.get("marks", Number.class).longValue();
    List<Object> ids = stored.getList("interviewIds", Object.class, List.of());
    List<Object> kept = new ArrayList<>();
    Map<String, List<Document>> byStudent = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += PAGE) {
      interviews()
          .find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + PAGE))))
          .projection(Projections.include(CohortTally.FIELDS))
          .forEach(
              interview -> {
                kept.add(interview.get("_id"));
                byStudent
                    .computeIfAbsent(interview.getString("studentId"), s -> new ArrayList<>())
                    .add(interview);
              });
    }
    Map<String, Document> studies = studiesOf(byStudent.keySet());
    Map<Document, CohortTally> slices = new LinkedHashMap<>();
    byStudent.forEach(
        (student, interviews) -> {
          Document ofStudies = studies.getOrDefault(student, new Document());
          for (Document interview : interviews) {
            Document key =
                new Document("careerField", interview.getString("careerField"))
                    .append("classYear", ofStudies.get("classYear"))
                    .append("major", ofStudies.getString("major"))
                    .append("program", ofStudies.getString("program"));
            slices.computeIfAbsent(key, k -> new CohortTally()).count(interview);
          }
        });
    List<Document> written = new ArrayList<>();
    slices.forEach((key, tally) -> written.add(tally.slice(key)));
    return days()
            .updateOne(
                Filters.and(Filters.eq("_id", day), Filters.eq("marks", marks)),
                Updates.combine(
                    Updates.set("interviewIds", kept),
                    Updates.set("slices", written),
                    Updates.set("built", marks),
                    Updates.set("builtAt", Date.from(clock.instant())),
                    Updates.unset("dirty"),
                    Updates.unset("dirtySince")))
            .getModifiedCount()
        == 1;
  }

  /** The days that wait to be built, the longest waiting first, at most this many. */
  List<String> dirty(int most) {
    List<String> dirty = new ArrayList<>();
    days()
        .find(Filters.eq("dirty", true))
        .projection(Projections.include("_id"))
        .limit(most)
        .forEach(d -> dirty.add(d.getString("_id")));
    return dirty;
  }

  /**
   * Gives every slice of the days from {@code from} to {@code to} to {@code reader}, a month of
   * days at a time, as they were last built.
   *
   * @return when the figures read were counted: every change before it is in them (the time the
   *     first of the range's days still waiting to be built was marked), or now when none waits
   */
  Instant read(LocalDate from, LocalDate to, Consumer<Document> reader) {
    Instant counted = clock.instant();
    String after = null;
    while (true) {
      Document range =
          new Document(after == null ? "$gte" : "$gt", after == null ? from.toString() : after)
              .append("$lte", to.toString());
      List<Document> days = page(range);
      for (Document day : days) {
        Date waiting = day.getDate("dirtySince");
        if (waiting != null && waiting.toInstant().isBefore(counted)) {
          counted = waiting.toInstant();
        }
        day.getList("slices", Document.class, List.of()).forEach(reader);
      }
      if (days.size() < DAYS_A_PAGE) {
        return counted;
      }
      after = days.get(days.size() - 1).getString("_id");
    }
  }

  private List<Document> page(Document range) {
    List<Document> days = new ArrayList<>(DAYS_A_PAGE);
    days()
        .find(new Document("_id", range))
        .projection(Projections.include("slices", "dirtySince"))
        .sort(Sorts.ascending("_id"))
        .limit(DAYS_A_PAGE)
        .into(days);
    return days;
  }

  /** When the last reconcile pass ended; null: never. */
  @Nullable Date reconciledAt() {
    Document reconciled = days().find(Filters.eq("_id", RECONCILED)).first();
    return reconciled == null ? null : reconciled.getDate("at");
  }

  /**
   * Reads every interview's day and last change, a page at a time, and marks each day that lacks an
   * interview or has one changed since the day was built.
   */
  void reconcile() {
    // When it ran is the schedule's business, on the system's clock as its lock's.
    Date started = new Date();
    Map<String, @Nullable Date> builtAt = new HashMap<>();
    days()
        .find(Filters.ne("_id", RECONCILED))
        .projection(Projections.include("builtAt"))
        .forEach(d -> builtAt.put(d.getString("_id"), d.getDate("builtAt")));
    Object after = null;
    while (true) {
      List<Document> page = new ArrayList<>(PAGE);
      interviews()
          .find(after == null ? new Document() : Filters.gt("_id", after))
          .projection(Projections.include("createdAt", "updatedAt"))
          .sort(Sorts.ascending("_id"))
          .limit(PAGE)
          .into(page);
      Map<String, List<Object>> byDay = new HashMap<>();
      Map<String, Boolean> changed = new HashMap<>();
      for (Document interview : page) {
        String day = dayOf(interview).toString();
        byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(interview.get("_id"));
        Date built = builtAt.get(day);
        Date updated = interview.getDate("updatedAt");
        if (built == null || updated == null || !updated.before(built)) {
          changed.put(day, true);
        }
      }
      byDay.forEach(
          (day, ids) -> {
            if (changed.containsKey(day)) {
              markDay(day, ids);
            } else {
              // Unchanged since built: only an id the day lacks makes it dirty.
              UpdateResult added =
                  days()
                      .updateOne(Filters.eq("_id", day), Updates.addEachToSet("interviewIds", ids));
              if (added.getModifiedCount() > 0) {
                markDay(day, List.of());
              }
            }
          });
      if (page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).get("_id");
    }
    days()
        .updateOne(
            Filters.eq("_id", RECONCILED),
            Updates.set("at", started),
            new UpdateOptions().upsert(true));
  }

  private Map<String, Document> studiesOf(Collection<String> studentIds) {
    Map<String, Document> studies = new HashMap<>();
    List<String> ids = new ArrayList<>(studentIds);
    for (int from = 0; from < ids.size(); from += PAGE) {
      mongo
          .getCollection("students")
          .find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + PAGE))))
          .projection(Projections.include("classYear", "major", "program"))
          .forEach(s -> studies.put(s.getString("_id"), s));
    }
    return studies;
  }

  /** The day (UTC) an interview was planned. */
  static LocalDate dayOf(Document interview) {
    return interview.getDate("createdAt").toInstant().atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** An interview's id as the store keeps it (an ObjectId where the text is one). */
  static Object stored(Object id) {
    return id instanceof String text && ObjectId.isValid(text) ? new ObjectId(text) : id;
  }

  private MongoCollection<Document> days() {
    return mongo.getCollection(COLLECTION);
  }

  private MongoCollection<Document> interviews() {
    return mongo.getCollection("interviews");
  }
}
