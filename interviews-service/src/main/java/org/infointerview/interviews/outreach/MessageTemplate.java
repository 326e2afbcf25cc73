package org.infointerview.interviews.outreach;

import java.time.Instant;
import java.util.Objects;
import org.infointerview.interviews.curation.Curated;
import org.infointerview.messaging.outbox.Changed;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A request or thank-you the career center writes for students to start from: text with merge
 * fields ({@link MergeFields}). A student's draft is a copy, so a change or retirement leaves what
 * they wrote as it was.
 *
 * @param retired no longer offered; kept and can be offered again
 */
@Document(MessageTemplate.COLLECTION)
public record MessageTemplate(
    @Id String id,
    TemplateKind kind,
    String name,
    String body,
    boolean retired,
    String createdBy,
    Instant createdAt,
    String updatedBy,
    Instant updatedAt,
    @Version @Nullable Long version)
    implements Curated {

  static final String COLLECTION = "message_templates";

  static MessageTemplate added(String id, TemplateRequest request, String by, Instant now) {
    return new MessageTemplate(
        id,
        request.kind(),
        request.name().strip(),
        request.body().strip(),
        false,
        by,
        now,
        by,
        now,
        null);
  }

  /** The template as the request has it now; nothing when it changes nothing. */
  Changed<MessageTemplate> changed(TemplateRequest request, String by, Instant now) {
    MessageTemplate next =
        new MessageTemplate(
            id,
            request.kind(),
            request.name().strip(),
            request.body().strip(),
            Boolean.TRUE.equals(request.retired()),
            createdBy,
            createdAt,
            by,
            now,
            version);
    if (next.kind == kind
        && next.name.equals(name)
        && next.body.equals(body)
        && next.retired == retired) {
      return Changed.nothing(this);
    }
    return Changed.to(next);
  }

  @Override
  public long currentVersion() {
    return Objects.requireNonNullElse(version, 0L);
  }
}
