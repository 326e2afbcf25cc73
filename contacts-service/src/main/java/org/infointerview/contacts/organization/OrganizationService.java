package org.infointerview.contacts.organization;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bson.types.ObjectId;
import org.infointerview.contacts.text.SearchTokens;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.problem.PreconditionException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * The organization directory: admins add, correct and remove organizations; everyone signed in
 * finds them. An organization that is already there (same normalized name, and the same domain or
 * one of them without) is never added twice: the answer is 409 naming the one that exists.
 */
@Service
class OrganizationService {

  private final MongoTemplate mongo;
  private final OrganizationRules rules;
  private final AuditLog audit;
  private final Clock clock;

  OrganizationService(MongoTemplate mongo, OrganizationRules rules, AuditLog audit, Clock clock) {
    this.mongo = mongo;
    this.rules = rules;
    this.audit = audit;
    this.clock = clock;
  }

  /** One page of organizations, by name. */
  record Page(List<Organization> items, int page, int size, boolean hasMore) {}

  Organization add(CurrentUser admin, OrganizationRequest request) {
    OrganizationDetails checked = rules.check(request);
    refuseDuplicate(checked, null);
    Organization organization =
        Organization.of(
            new ObjectId().toHexString(),
            checked,
            admin.id(),
            clock.instant(),
            clock.instant(),
            null);
    try {
      organization = mongo.insert(organization);
    } catch (DuplicateKeyException raced) {
      refuseDuplicate(checked, null);
      throw raced;
    }
    audit.record(
        admin,
        "ORGANIZATION_ADD",
        "Organization",
        organization.id(),
        null,
        organization.details().name());
    return organization;
  }

  Organization get(String id) {
    Organization organization = mongo.findById(id, Organization.class);
    if (organization == null) {
      throw new NotFoundException("Organization", id);
    }
    return organization;
  }

  /** Replaces an organization's details; needs the version read. */
  Organization replace(
      CurrentUser admin, String id, long expectedVersion, OrganizationRequest request) {
    Organization current = get(id);
    if (!Objects.equals(current.version(), expectedVersion)) {
      throw PreconditionException.changed("Organization " + id);
    }
    OrganizationDetails checked = rules.check(request);
    refuseDuplicate(checked, id);
    Organization changed =
        Organization.of(
            id,
            checked,
            current.createdBy(),
            current.createdAt(),
            clock.instant(),
            current.version());
    try {
      changed = mongo.save(changed);
    } catch (DuplicateKeyException raced) {
      refuseDuplicate(checked, id);
      throw raced;
    } catch (OptimisticLockingFailureException raced) {
      throw PreconditionException.changed("Organization " + id);
    }
    audit.record(admin, "ORGANIZATION_CHANGE", "Organization", id, null, changed.details().name());
    return changed;
  }

  void remove(CurrentUser admin, String id) {
    Organization organization = get(id);
    mongo.remove(Query.query(Criteria.where("_id").is(id)), Organization.class);
    audit.record(
        admin, "ORGANIZATION_REMOVE", "Organization", id, null, organization.details().name());
  }

  Page find(
      @Nullable String q, @Nullable String industry, @Nullable String country, int page, int size) {
    List<Criteria> all = new ArrayList<>();
    for (String word : SearchTokens.words(q, "q")) {
      all.add(Criteria.where("searchTokens").regex(SearchTokens.startOf(word)));
    }
    if (industry != null && !industry.isBlank()) {
      all.add(Criteria.where("details.industry").is(industry.strip()));
    }
    if (country != null && !country.isBlank()) {
      all.add(Criteria.where("details.country").is(country.strip().toUpperCase(Locale.ROOT)));
    }
    Query query =
        (all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all)))
            .with(Sort.by("nameKey", "_id"))
            .skip((long) page * size)
            .limit(size + 1);
    List<Organization> found = mongo.find(query, Organization.class);
    boolean more = found.size() > size;
    return new Page(more ? found.subList(0, size) : found, page, size, more);
  }

  private void refuseDuplicate(OrganizationDetails checked, @Nullable String self) {
    String nameKey = OrganizationNames.key(checked.name());
    for (Organization existing :
        mongo.find(Query.query(Criteria.where("nameKey").is(nameKey)), Organization.class)) {
      if (!existing.id().equals(self) && existing.sameAs(nameKey, checked.domain())) {
        ProblemDetail problem =
            ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "This organization is already in the directory: "
                    + existing.details().name()
                    + (existing.details().domain() == null
                        ? ""
                        : " (" + existing.details().domain() + ")")
                    + ". Correct that one instead.");
        problem.setTitle("Organization exists");
        problem.setType(URI.create("https://infointerview.org/problems/duplicate-organization"));
        problem.setProperty("existingId", existing.id());
        problem.setProperty("existing", "/organizations/" + existing.id());
        throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
      }
    }
  }
}
