package org.infointerview.interviews.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.infointerview.interviews.student.StudentRecords;
import org.infointerview.interviews.student.Students;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.problem.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Which students' records retention removes (their class year this many years ago or earlier), what
 * a run would remove (the dry run), and the run: once a day on one instance (a lock in the store
 * held for the day), or when an admin asks, each audited with its counts and never a name.
 */
@Service
class Retention {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  /** The most students a dry run names; the counts are of all. */
  static final int MOST_LISTED = 200;

  private final Students students;
  private final List<StudentRecords> records;
  private final AuditLog audit;
  private final RetentionProperties properties;
  private final LockProvider locks;
  private final Clock clock;

  Retention(
      Students students,
      List<StudentRecords> records,
      AuditLog audit,
      RetentionProperties properties,
      MongoTemplate mongo,
      Clock clock) {
    this.students = students;
    this.records = records;
    this.audit = audit;
    this.properties = properties;
    this.locks = new MongoLockProvider(mongo.getCollection("retention_locks"));
    this.clock = clock;
  }

  /** What a run keeping records this many years after the class year would remove now. */
  RetentionPreview preview(int years) {
    int graduatedBy = thisYear() - years;
    return preview(years, graduatedBy, students.graduatedBy(graduatedBy));
  }

  private RetentionPreview preview(int years, int graduatedBy, List<Students.Graduate> gone) {
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> ids = gone.stream().map(Students.Graduate::studentId).toList();
    for (StudentRecords kind : records) {
      counts.put(kind.kind(), ids.isEmpty() ? 0 : kind.countOf(ids));
    }
    Map<Integer, Long> byClassYear = new TreeMap<>();
    gone.forEach(g -> byClassYear.merge(g.classYear(), 1L, Long::sum));
    return new RetentionPreview(
        years,
        properties.graduatedYears(),
        graduatedBy,
        gone.size(),
        counts,
        byClassYear,
        gone.stream().limit(MOST_LISTED).toList());
  }

  /** A run now, as the setting says; 409 when retention is off. */
  RetentionPreview runNow() {
    if (properties.graduatedYears() <= 0) {
      throw new ConflictException(
          "RETENTION_OFF",
          "Retention is off: set how many years after graduation records are kept"
              + " (INTERVIEWS_RETENTION_GRADUATED_YEARS) first.");
    }
    return apply(properties.graduatedYears());
  }

  /** The schedule's look: today's run, on the one instance that takes the day's lock. */
  void tick() {
    if (properties.graduatedYears() <= 0) {
      return;
    }
    // ShedLock judges a lock's expiry by the system clock, so the lock is made by it too. Held
    // 23 hours whatever happens, so a run that failed halfway is tried again the next day.
    locks
        .lock(
            new LockConfiguration(
                Instant.now(), "retention", Duration.ofHours(23), Duration.ofHours(23)))
        .ifPresent(
            lock -> {
              try {
                apply(properties.graduatedYears());
              } finally {
                lock.unlock();
              }
            });
  }

  private RetentionPreview apply(int years) {
    RetentionPreview removed = preview(years);
    for (String studentId :
        students.graduatedBy(removed.graduatedBy()).stream()
            .map(Students.Graduate::studentId)
            .toList()) {
      for (StudentRecords kind : records) {
        kind.removeOf(studentId);
      }
    }
    audit.recordBySystem(
        "RETENTION_APPLIED",
        "Retention",
        "graduated-by-" + removed.graduatedBy(),
        removed.students() + " students' records: " + removed.records());
    log.info(
        "Retention: the records of {} students who graduated by {} removed ({})",
        removed.students(),
        removed.graduatedBy(),
        removed.records());
    return removed;
  }

  private int thisYear() {
    return clock.instant().atZone(ZoneOffset.UTC).getYear();
  }
}
