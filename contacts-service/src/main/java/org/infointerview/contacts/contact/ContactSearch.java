package org.infointerview.contacts.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Turns a typed {@link ContactQuery} into a store query that shows each viewer only what they may
 * see: a student their own contacts plus opted-in institution people, an advisor the opted-in
 * people, an admin every institution contact. User text reaches the store only as literal values
 * and quoted, anchored prefixes, which the multikey token index serves.
 */
@Component
class ContactSearch {

  static final int MAX_WORDS = 8;

  private final MongoTemplate mongo;

  ContactSearch(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** One page of results, with whether more follow. */
  record Page(List<Contact> items, int page, int size, boolean hasMore) {}

  Page search(CurrentUser viewer, ContactQuery query) {
    List<Criteria> all = new ArrayList<>();
    all.add(Criteria.where("status").is(ContactStatus.ACTIVE));
    all.add(visibleTo(viewer, query));
    words(all, "searchTokens", query.q(), "q");
    words(all, "titleTokens", query.title(), "title");
    if (query.careerField() != null && !query.careerField().isEmpty()) {
      all.add(Criteria.where("details.careerFields").in(query.careerField()));
    }
    if (query.industry() != null) {
      all.add(Criteria.where("details.industry").is(query.industry()));
    }
    if (query.organization() != null && !query.organization().isBlank()) {
      all.add(Criteria.where("organizationKey").regex(prefix(query.organization())));
    }
    if (query.graduatedFrom() != null || query.graduatedTo() != null) {
      Criteria year = Criteria.where("details.alumni.graduationYear");
      if (query.graduatedFrom() != null) {
        year = year.gte(query.graduatedFrom());
      }
      if (query.graduatedTo() != null) {
        year = year.lte(query.graduatedTo());
      }
      all.add(year);
    }
    if (query.major() != null && !query.major().isBlank()) {
      all.add(Criteria.where("details.alumni.major").regex(exact(query.major())));
    }
    if (query.city() != null && !query.city().isBlank()) {
      all.add(Criteria.where("details.city").regex(exact(query.city())));
    }
    if (query.country() != null) {
      all.add(Criteria.where("details.country").is(query.country().toUpperCase(Locale.ROOT)));
    }
    if (query.timeZone() != null) {
      all.add(Criteria.where("details.timeZone").is(query.timeZone()));
    }
    if (query.source() != null) {
      all.add(Criteria.where("source").is(query.source()));
    }
    if (query.optedIn() != null) {
      all.add(Criteria.where("consent.optedIn").is(query.optedIn()));
    }
    int size = query.sizeOrDefault();
    Query mongoQuery =
        new Query(new Criteria().andOperator(all))
            .with(sort(query.sort()))
            .skip((long) query.pageOrFirst() * size)
            .limit(size + 1);
    List<Contact> found = mongo.find(mongoQuery, Contact.class);
    boolean more = found.size() > size;
    return new Page(more ? found.subList(0, size) : found, query.pageOrFirst(), size, more);
  }

  private static Criteria visibleTo(CurrentUser viewer, ContactQuery query) {
    Criteria own = Criteria.where("ownerId").is(viewer.id());
    Criteria reachable =
        new Criteria()
            .andOperator(
                Criteria.where("ownerId").isNull(),
                Criteria.where("consent.optedIn").is(true),
                Criteria.where("consent.doNotContact").is(false));
    if (viewer.has(Role.STUDENT)) {
      return query.ownOnly() ? own : new Criteria().orOperator(own, reachable);
    }
    if (query.ownOnly()) {
      throw new InvalidFieldException("scope", "only students have contacts of their own");
    }
    if (viewer.has(Role.ADMIN)) {
      return Criteria.where("ownerId").isNull();
    }
    if (viewer.has(Role.ADVISOR)) {
      return reachable;
    }
    throw new AccessDeniedException("no contacts to search");
  }

  private static void words(
      List<Criteria> all, String field, @Nullable String text, String parameter) {
    if (text == null || text.isBlank()) {
      return;
    }
    List<String> tokens = SearchTokens.of(text);
    if (tokens.size() > MAX_WORDS) {
      throw new InvalidFieldException(parameter, "must be at most " + MAX_WORDS + " words");
    }
    for (String token : tokens) {
      all.add(Criteria.where(field).regex(Pattern.compile("^" + Pattern.quote(token))));
    }
  }

  private static Pattern prefix(String text) {
    return Pattern.compile("^" + Pattern.quote(SearchTokens.fold(text).strip()));
  }

  private static Pattern exact(String text) {
    return Pattern.compile(
        "^" + Pattern.quote(text.strip()) + "$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static Sort sort(@Nullable String sort) {
    Sort byId = Sort.by("_id");
    if ("recent".equals(sort)) {
      return Sort.by(Sort.Direction.DESC, "updatedAt").and(byId);
    }
    if ("graduationYear".equals(sort)) {
      return Sort.by(Sort.Direction.DESC, "details.alumni.graduationYear").and(byId);
    }
    return Sort.by("nameKey").and(byId);
  }
}
