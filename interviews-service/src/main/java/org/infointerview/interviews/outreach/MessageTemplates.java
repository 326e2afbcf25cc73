package org.infointerview.interviews.outreach;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.infointerview.interviews.curation.CuratedChanges;
import org.infointerview.support.problem.ConflictException;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The career center's request and thank-you templates: advisors and admins write, change and retire
 * them (each change checked against the version read, and audited); students start their drafts
 * from the ones offered. A template naming a merge field that does not exist is refused.
 */
@Service
public class MessageTemplates {

  /** The most templates the center keeps, retired ones included. */
  static final int MOST = 100;

  private static final CuratedChanges.Kind<MessageTemplate> KIND =
      new CuratedChanges.Kind<>(
          "TEMPLATE",
          "Template",
          MessageTemplate.class,
          MOST,
          new CuratedChanges.Full(
              "TEMPLATES_FULL",
              "The center keeps "
                  + MOST
                  + " templates, retired ones included; change one instead of adding another."));

  private final MongoTemplate mongo;
  private final CuratedChanges changes;
  private final Clock clock;

  MessageTemplates(MongoTemplate mongo, CuratedChanges changes, Clock clock) {
    this.mongo = mongo;
    this.changes = changes;
    this.clock = clock;
  }

  /** The templates of a kind (every kind when null), retired ones too when asked, by name. */
  List<MessageTemplate> all(@Nullable TemplateKind kind, boolean withRetired) {
    Criteria criteria = new Criteria();
    if (kind != null) {
      criteria = criteria.and("kind").is(kind);
    }
    if (!withRetired) {
      criteria = criteria.and("retired").is(false);
    }
    return mongo.find(
        Query.query(criteria).with(Sort.by("name", "_id")).limit(MOST), MessageTemplate.class);
  }

  MessageTemplate one(String id) {
    MessageTemplate template = mongo.findById(id, MessageTemplate.class);
    if (template == null) {
      throw new NotFoundException("Template", id);
    }
    return template;
  }

  /**
   * A template students may start from: one of this kind, not retired.
   *
   * @throws InvalidFieldException on {@code field} when it is not
   */
  public MessageTemplate offered(String id, TemplateKind kind, String field) {
    MessageTemplate template = mongo.findById(id, MessageTemplate.class);
    if (template == null || template.retired() || template.kind() != kind) {
      throw new InvalidFieldException(
          field, "is not a " + words(kind) + " template your career center offers");
    }
    return template;
  }

  MessageTemplate add(CurrentUser staff, TemplateRequest request) {
    requireKnownFields(request.body());
    requireNewName(request, null);
    return changes.add(
        staff,
        KIND,
        MessageTemplate.added(UUID.randomUUID().toString(), request, staff.id(), clock.instant()),
        words(request.kind()));
  }

  /** Changes a template if the caller read its current version (412 otherwise). */
  MessageTemplate change(CurrentUser staff, String id, long readVersion, TemplateRequest request) {
    MessageTemplate current = one(id);
    changes.requireRead(KIND, current, readVersion);
    requireKnownFields(request.body());
    requireNewName(request, id);
    return changes.write(
        staff,
        KIND,
        current,
        current.changed(request, staff.id(), clock.instant()),
        words(request.kind()));
  }

  private static void requireKnownFields(String body) {
    List<String> unknown = MergeFields.unknown(body);
    if (!unknown.isEmpty()) {
      throw new InvalidFieldException(
          "body",
          "{{"
              + String.join("}}, {{", unknown)
              + "}} "
              + (unknown.size() == 1 ? "is not a merge field" : "are not merge fields")
              + "; these are: {{"
              + String.join("}}, {{", MergeFields.names())
              + "}}");
    }
  }

  private void requireNewName(TemplateRequest request, @Nullable String except) {
    String name = request.name().strip().toLowerCase(Locale.ROOT);
    CuratedChanges.twin(
            all(request.kind(), true), except, t -> t.name().toLowerCase(Locale.ROOT).equals(name))
        .ifPresent(
            t -> {
              throw new ConflictException(
                  "SAME_NAME",
                  "A " + words(request.kind()) + " template is called that already.",
                  Map.of("templateId", t.id()));
            });
  }

  static String words(TemplateKind kind) {
    return kind == TemplateKind.OUTREACH ? "request" : "thank-you";
  }

  /** What a counselor would say of a filled template of this kind. */
  public static List<Warning> checks(TemplateKind kind, String text) {
    List<Warning> warnings = OutreachChecks.check(text);
    if (kind == TemplateKind.THANK_YOU) {
      // a thank-you need not say how the name was found
      return warnings.stream().filter(w -> !w.code().equals("NO_SOURCE")).toList();
    }
    return warnings;
  }
}
