package org.infointerview.support.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The append-only audit collection {@value #COLLECTION}: this class inserts and reads, and offers
 * no way to change or remove an entry. (In production, give the service's database user only {@code
 * insert} and {@code find} on this collection.)
 */
public class AuditLog {

  public static final String COLLECTION = "audit_log";

  /** The actor of the acts a service does itself. */
  public static final String SYSTEM = "system";

  private final MongoTemplate mongo;
  private final String service;
  private final Clock clock;

  public AuditLog(MongoTemplate mongo, String service, Clock clock) {
    this.mongo = mongo;
    this.service = service;
    this.clock = clock;
  }

  /** Records an act; returns the stored entry. */
  public AuditEntry record(
      CurrentUser actor,
      String action,
      String resourceType,
      String resourceId,
      @Nullable String subjectId,
      String purpose) {
    return store(
        actor.id(),
        actor.roles().stream().map(Role::name).sorted().toList(),
        action,
        resourceType,
        resourceId,
        subjectId,
        purpose);
  }

  /** Records an act of the service itself (an erasure carried out), actor {@value #SYSTEM}. */
  public AuditEntry recordBySystem(
      String action, String resourceType, String resourceId, String purpose) {
    return store(SYSTEM, List.of(), action, resourceType, resourceId, null, purpose);
  }

  /**
   * Names {@code replacement} instead of the person in every entry about them or by them: the acts
   * stay on record, the person does not.
   */
  public void anonymize(String personId, String replacement) {
    mongo.updateMulti(
        Query.query(Criteria.where("subjectId").is(personId)),
        new Update().set("subjectId", replacement),
        COLLECTION);
    mongo.updateMulti(
        Query.query(Criteria.where("actorId").is(personId)),
        new Update().set("actorId", replacement),
        COLLECTION);
  }

  private AuditEntry store(
      String actorId,
      List<String> actorRoles,
      String action,
      String resourceType,
      String resourceId,
      @Nullable String subjectId,
      String purpose) {
    AuditEntry entry =
        new AuditEntry(
            UUID.randomUUID().toString(),
            clock.instant(),
            service,
            actorId,
            actorRoles,
            action,
            resourceType,
            resourceId,
            subjectId,
            purpose);
    mongo.insert(
        new Document("_id", entry.id())
            .append("at", Date.from(entry.at()))
            .append("service", entry.service())
            .append("actorId", entry.actorId())
            .append("actorRoles", entry.actorRoles())
            .append("action", entry.action())
            .append("resourceType", entry.resourceType())
            .append("resourceId", entry.resourceId())
            .append("subjectId", entry.subjectId())
            .append("purpose", entry.purpose()),
        COLLECTION);
    return entry;
  }

  /** Entries matching every given criterion, newest first. */
  public List<AuditEntry> find(AuditQuery query) {
    Criteria criteria = new Criteria();
    if (query.actorId() != null) {
      criteria = criteria.and("actorId").is(query.actorId());
    }
    if (query.subjectId() != null) {
      criteria = criteria.and("subjectId").is(query.subjectId());
    }
    if (query.action() != null) {
      criteria = criteria.and("action").is(query.action());
    }
    if (query.resourceId() != null) {
      criteria = criteria.and("resourceId").is(query.resourceId());
    }
    if (query.from() != null || query.to() != null) {
      Criteria at = criteria.and("at");
      if (query.from() != null) {
        at = at.gte(Date.from(query.from()));
      }
      if (query.to() != null) {
        at = at.lt(Date.from(query.to()));
      }
    }
    return newestFirst(criteria, query.page(), query.size());
  }

  /**
   * The latest entries about a person made by someone else (what "who saw my records" lists): the
   * person's own actions left out by the query, so there are {@code most} of others' when there
   * are.
   */
  public List<AuditEntry> aboutByOthers(String personId, int most) {
    return newestFirst(
        Criteria.where("subjectId").is(personId).and("actorId").ne(personId), 0, most);
  }

  /** The latest entries about a person, whoever made them (a person's own export holds them). */
  public List<AuditEntry> about(String personId, int most) {
    return newestFirst(Criteria.where("subjectId").is(personId), 0, most);
  }

  private List<AuditEntry> newestFirst(Criteria criteria, int page, int size) {
    Query mongoQuery =
        new Query(criteria)
            .with(Sort.by(Sort.Direction.DESC, "at"))
            .skip((long) page * size)
            .limit(size);
    return mongo.find(mongoQuery, Document.class, COLLECTION).stream()
        .map(AuditLog::entry)
        .toList();
  }

  private static AuditEntry entry(Document d) {
    return new AuditEntry(
        d.getString("_id"),
        d.getDate("at").toInstant(),
        d.getString("service"),
        d.getString("actorId"),
        d.getList("actorRoles", String.class),
        d.getString("action"),
        d.getString("resourceType"),
        d.getString("resourceId"),
        d.getString("subjectId"),
        d.getString("purpose"));
  }

  /**
   * What to look for; every criterion is optional.
   *
   * @param page from 0
   * @param size at most 100
   */
  public record AuditQuery(
      @Nullable String actorId,
      @Nullable String subjectId,
      @Nullable String action,
      @Nullable String resourceId,
      @Nullable Instant from,
      @Nullable Instant to,
      int page,
      int size) {}
}
