package org.infointerview.interviews.research;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** A student's research notes: their own, by topic; other features read them by topic. */
@Service
public class ResearchNotes {

  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final Clock clock;

  ResearchNotes(MongoTemplate mongo, AggregateStore store, Clock clock) {
    this.mongo = mongo;
    this.store = store;
    this.clock = clock;
  }

  /** The student's note on a topic, if they wrote one. */
  public Optional<ResearchNote> find(String studentId, ResearchKind kind, String topic) {
    return Optional.ofNullable(
        mongo.findById(ResearchNote.idOf(studentId, kind, topic), ResearchNote.class));
  }

  List<ResearchNote> mine(CurrentUser student, @Nullable ResearchKind kind) {
    Criteria criteria = Criteria.where("studentId").is(student.id());
    if (kind != null) {
      criteria = criteria.and("kind").is(kind);
    }
    return mongo.find(
        Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(500),
        ResearchNote.class);
  }

  ResearchNote one(CurrentUser student, ResearchKind kind, String topic) {
    return find(student.id(), kind, topic)
        .orElseThrow(() -> new NotFoundException("Research note", topic));
  }

  /** Writes the note, creating it the first time; a race with another write is taken again. */
  ResearchNote write(
      CurrentUser student, ResearchKind kind, String topic, ResearchRequest request) {
    for (int attempt = 0; ; attempt++) {
      ResearchNote current =
          find(student.id(), kind, topic)
              .orElseGet(() -> ResearchNote.empty(student.id(), kind, topic, clock.instant()));
      var written =
          current.written(
              request.summary(),
              request.paths(),
              request.news(),
              request.linkList(),
              request.answers(),
              clock.instant());
      try {
        return current.version() == null ? store.insert(written) : store.update(written);
      } catch (DuplicateKeyException | OptimisticLockingFailureException raced) {
        if (attempt >= 2) {
          throw raced;
        }
      }
    }
  }

  void delete(CurrentUser student, ResearchKind kind, String topic) {
    ResearchNote note = one(student, kind, topic);
    mongo.remove(Query.query(Criteria.where("_id").is(note.id())), ResearchNote.class);
  }
}
