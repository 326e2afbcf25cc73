package org.infointerview.interviews.research;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.infointerview.messaging.outbox.Changed;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a student learned about a career field or an organization before talking to anyone: their
 * own, private, one per topic, reused by every interview about it.
 *
 * @param id the student, the kind and the topic's key: one note per student and topic
 * @param topic the field's code or the organization's name, as the student wrote it
 * @param summary what the field or organization is
 * @param paths typical paths into it
 * @param news recent news
 * @param websiteAnswers what the organization's own website already answers, in the student's
 *     words: questions about these are flagged in preparation
 */
@Document(ResearchNote.COLLECTION)
public record ResearchNote(
    @Id String id,
    @Indexed String studentId,
    ResearchKind kind,
    String topic,
    @Nullable String summary,
    @Nullable String paths,
    @Nullable String news,
    List<Link> links,
    List<String> websiteAnswers,
    Instant updatedAt,
    @Version @Nullable Long version) {

  static final String COLLECTION = "research_notes";

  public ResearchNote {
    links = List.copyOf(links);
    websiteAnswers = List.copyOf(websiteAnswers);
  }

  /** The one id of a student's note on a topic, whatever the topic's case or spacing. */
  static String idOf(String studentId, ResearchKind kind, String topic) {
    return studentId + "|" + kind + "|" + key(topic);
  }

  static String key(String topic) {
    return String.join(" ", topic.strip().toLowerCase(Locale.ROOT).split("\\s+"));
  }

  /** The note with what the student wrote now; nothing changes when they wrote the same. */
  Changed<ResearchNote> written(
      @Nullable String summary,
      @Nullable String paths,
      @Nullable String news,
      List<Link> links,
      List<String> websiteAnswers,
      Instant now) {
    ResearchNote next =
        new ResearchNote(
            id, studentId, kind, topic, summary, paths, news, links, websiteAnswers, now, version);
    if (version != null
        && Objects.equals(summary, this.summary)
        && Objects.equals(paths, this.paths)
        && Objects.equals(news, this.news)
        && this.links.equals(next.links)
        && this.websiteAnswers.equals(next.websiteAnswers)) {
      return Changed.nothing(this);
    }
    return Changed.to(next);
  }

  static ResearchNote empty(String studentId, ResearchKind kind, String topic, Instant now) {
    return new ResearchNote(
        idOf(studentId, kind, topic),
        studentId,
        kind,
        topic.strip(),
        null,
        null,
        null,
        List.of(),
        List.of(),
        now,
        null);
  }
}
