package org.infointerview.interviews.preparation;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.infointerview.interviews.curation.CuratedChanges;
import org.infointerview.support.problem.ConflictException;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The career center's own questions: advisors and admins add, change, recommend and retire them
 * (each change checked against the version read, and audited); students are offered the ones not
 * retired, beside the built-in bank.
 */
@Service
public class CuratedQuestions {

  /** The most questions the center's bank holds, retired ones included. */
  static final int MOST = 500;

  private static final CuratedChanges.Kind<CuratedQuestion> KIND =
      new CuratedChanges.Kind<>(
          "QUESTION",
          "Question",
          CuratedQuestion.class,
          MOST,
          new CuratedChanges.Full(
              "BANK_FULL",
              "The center's bank holds "
                  + MOST
                  + " questions, retired ones included; change one instead of adding another."));

  private final MongoTemplate mongo;
  private final CuratedChanges changes;
  private final Clock clock;

  CuratedQuestions(MongoTemplate mongo, CuratedChanges changes, Clock clock) {
    this.mongo = mongo;
    this.changes = changes;
    this.clock = clock;
  }

  /** Every question of the center's bank (retired ones too, when asked), by topic. */
  List<CuratedQuestion> all(boolean withRetired) {
    Query query = withRetired ? new Query() : Query.query(Criteria.where("retired").is(false));
    return mongo
        .find(query.with(Sort.by("createdAt", "_id")).limit(MOST), CuratedQuestion.class)
        .stream()
        .sorted(Comparator.comparing(CuratedQuestion::topic))
        .toList();
  }

  /** The questions students are offered: the center's recommended first, then the others. */
  public List<CuratedQuestion> offered(@Nullable String careerField) {
    return all(false).stream()
        .filter(
            q ->
                q.careerField() == null
                    || careerField == null
                    || q.careerField().equals(careerField))
        .sorted(Comparator.comparing(CuratedQuestion::topic).thenComparing(q -> !q.recommended()))
        .toList();
  }

  CuratedQuestion one(String id) {
    CuratedQuestion question = mongo.findById(id, CuratedQuestion.class);
    if (question == null) {
      throw new NotFoundException("Question", id);
    }
    return question;
  }

  CuratedQuestion add(CurrentUser staff, CuratedQuestionRequest request) {
    requireNew(request.text(), null);
    return changes.add(
        staff,
        KIND,
        CuratedQuestion.added(UUID.randomUUID().toString(), request, staff.id(), clock.instant()),
        "added to the bank");
  }

  /** Changes a question if the caller read its current version (412 otherwise). */
  CuratedQuestion change(
      CurrentUser staff, String id, long readVersion, CuratedQuestionRequest request) {
    CuratedQuestion current = one(id);
    changes.requireRead(KIND, current, readVersion);
    requireNew(request.text(), id);
    return changes.write(
        staff,
        KIND,
        current,
        current.changed(request, staff.id(), clock.instant()),
        "the center's question bank");
  }

  /** One question once: the same words (case and spacing aside) are refused as a second. */
  private void requireNew(String text, @Nullable String except) {
    String key = comparable(text);
    CuratedChanges.twin(all(true), except, q -> comparable(q.text()).equals(key))
        .ifPresent(
            q -> {
              throw new ConflictException(
                  "SAME_QUESTION",
                  "The bank has this question already"
                      + (q.retired() ? ", retired: offer it again instead." : "."),
                  Map.of("questionId", q.id()));
            });
  }

  private static String comparable(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
