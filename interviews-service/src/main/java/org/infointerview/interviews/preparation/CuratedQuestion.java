package org.infointerview.interviews.preparation;

import java.time.Instant;
import org.infointerview.interviews.curation.Curated;
import org.infointerview.messaging.outbox.Changed;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A question the career center gives students beside the built-in bank. Students take a copy into
 * their preparation, so changing or retiring it leaves what they took as it was.
 *
 * @param careerField a career field code it suits; null for every field
 * @param recommended shown first, marked as the center's recommendation
 * @param retired no longer offered; kept for the record and can be offered again
 */
@Document(CuratedQuestion.COLLECTION)
public record CuratedQuestion(
    @Id String id,
    QuestionBank.Topic topic,
    String text,
    boolean recommended,
    @Nullable String careerField,
    boolean retired,
    String createdBy,
    Instant createdAt,
    String updatedBy,
    Instant updatedAt,
    @Version @Nullable Long version)
    implements Curated {

  static final String COLLECTION = "curated_questions";

  static CuratedQuestion added(String id, CuratedQuestionRequest request, String by, Instant now) {
    return new CuratedQuestion(
        id,
        request.topic(),
        request.text().strip(),
        Boolean.TRUE.equals(request.recommended()),
        request.careerField(),
        false,
        by,
        now,
        by,
        now,
        null);
  }

  /** The question as the request has it now; nothing when the request changes nothing. */
  Changed<CuratedQuestion> changed(CuratedQuestionRequest request, String by, Instant now) {
    CuratedQuestion next =
        new CuratedQuestion(
            id,
            request.topic(),
            request.text().strip(),
            Boolean.TRUE.equals(request.recommended()),
            request.careerField(),
            Boolean.TRUE.equals(request.retired()),
            createdBy,
            createdAt,
            by,
            now,
            version);
    if (next.topic == topic
        && next.text.equals(text)
        && next.recommended == recommended
        && java.util.Objects.equals(next.careerField, careerField)
        && next.retired == retired) {
      return Changed.nothing(this);
    }
    return Changed.to(next);
  }

  @Override
  public long currentVersion() {
    return version == null ? 0 : version;
  }
}
