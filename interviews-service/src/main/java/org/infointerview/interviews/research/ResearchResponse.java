package org.infointerview.interviews.research;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A research note as the student sees it. */
record ResearchResponse(
    ResearchKind kind,
    String topic,
    @Nullable String summary,
    @Nullable String paths,
    @Nullable String news,
    List<Link> links,
    List<String> websiteAnswers,
    Instant updatedAt) {

  static ResearchResponse of(ResearchNote note) {
    return new ResearchResponse(
        note.kind(),
        note.topic(),
        note.summary(),
        note.paths(),
        note.news(),
        note.links(),
        note.websiteAnswers(),
        note.updatedAt());
  }
}
