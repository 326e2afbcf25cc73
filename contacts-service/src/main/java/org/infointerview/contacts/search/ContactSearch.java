package org.infointerview.contacts.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactStatus;
import org.infointerview.contacts.text.SearchTokens;
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

  private final MongoTemplate mongo;
  private final ContactIndex index;

  ContactSearch(MongoTemplate mongo, ContactIndex index) {
    this.mongo = mongo;
    this.index = index;
  }

  /** One page of results, with whether more follow. */
  record Page(List<Contact> items, int page, int size, boolean hasMore) {}

  /** Searches the index once it is built, the store until then. */
  Page search(CurrentUser viewer, ContactQuery query) {
    return index.ready() ? searchIndex(viewer, query) : searchStore(viewer, query);
  }

  /**
   * The index finds the page's ids; the store gives the contacts, each checked again against what
   * the viewer may see (the index can lag a write of another instance by a moment).
   */
  Page searchIndex(CurrentUser viewer, ContactQuery query) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    all.add(indexVisibility(viewer, query), BooleanClause.Occur.FILTER);
    for (String token : SearchTokens.words(query.q(), "q")) {
      all.add(new PrefixQuery(new Term("tok", token)), BooleanClause.Occur.FILTER);
    }
    for (String token : SearchTokens.words(query.title(), "title")) {
      all.add(new PrefixQuery(new Term("title", token)), BooleanClause.Occur.FILTER);
    }
    if (query.careerField() != null && !query.careerField().isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      query.careerField().forEach(c -> any.add(term("cf", c), BooleanClause.Occur.SHOULD));
      all.add(any.build(), BooleanClause.Occur.FILTER);
    }
    filter(all, "industry", query.industry());
    if (query.organization() != null && !query.organization().isBlank()) {
      all.add(
          new PrefixQuery(new Term("org", SearchTokens.fold(query.organization()).strip())),
          BooleanClause.Occur.FILTER);
    }
    if (query.graduatedFrom() != null || query.graduatedTo() != null) {
      all.add(
          IntPoint.newRangeQuery(
              "year",
              query.graduatedFrom() == null ? Integer.MIN_VALUE : query.graduatedFrom(),
              query.graduatedTo() == null ? Integer.MAX_VALUE : query.graduatedTo()),
          BooleanClause.Occur.FILTER);
    }
    filter(all, "major", ContactIndex.lower(query.major()));
    filter(all, "city", ContactIndex.lower(query.city()));
    filter(
        all, "country", query.country() == null ? null : query.country().toUpperCase(Locale.ROOT));
    filter(all, "tz", query.timeZone());
    filter(all, "source", query.source() == null ? null : query.source().name());
    filter(all, "optedIn", query.optedIn() == null ? null : query.optedIn().toString());
    int size = query.sizeOrDefault();
    ContactIndex.Hits hits =
        index.search(all.build(), indexSort(query.sort()), query.pageOrFirst(), size);
    Map<String, Contact> byId = new HashMap<>();
    for (Contact contact :
        mongo.find(Query.query(Criteria.where("_id").in(hits.ids())), Contact.class)) {
      byId.put(contact.id(), contact);
    }
    List<Contact> page = new ArrayList<>(hits.ids().size());
    for (String id : hits.ids()) {
      Contact contact = byId.get(id);
      if (contact != null && stillVisible(viewer, query, contact)) {
        page.add(contact);
      }
    }
    return new Page(page, query.pageOrFirst(), size, hits.hasMore());
  }

  /** The same search straight on the store: before the index is built, and for comparison. */
  Page searchStore(CurrentUser viewer, ContactQuery query) {
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
    for (String token : SearchTokens.words(text, parameter)) {
      all.add(Criteria.where(field).regex(SearchTokens.startOf(token)));
    }
  }

  private static org.apache.lucene.search.Query indexVisibility(
      CurrentUser viewer, ContactQuery query) {
    org.apache.lucene.search.Query own = term("owner", viewer.id());
    org.apache.lucene.search.Query reachable = term("reachable", "true");
    if (viewer.has(Role.STUDENT)) {
      return query.ownOnly()
          ? own
          : new BooleanQuery.Builder()
              .add(own, BooleanClause.Occur.SHOULD)
              .add(reachable, BooleanClause.Occur.SHOULD)
              .build();
    }
    if (query.ownOnly()) {
      throw new InvalidFieldException("scope", "only students have contacts of their own");
    }
    if (viewer.has(Role.ADMIN)) {
      return term("owner", "-");
    }
    if (viewer.has(Role.ADVISOR)) {
      return reachable;
    }
    throw new AccessDeniedException("no contacts to search");
  }

  /** The visibility rule of {@link #visibleTo}, on one contact as the store has it now. */
  private static boolean stillVisible(CurrentUser viewer, ContactQuery query, Contact contact) {
    if (contact.status() != ContactStatus.ACTIVE) {
      return false;
    }
    boolean own = viewer.id().equals(contact.ownerId());
    boolean reachable = contact.ownerId() == null && contact.consent().reachable();
    if (viewer.has(Role.STUDENT)) {
      return query.ownOnly() ? own : own || reachable;
    }
    if (viewer.has(Role.ADMIN)) {
      return contact.ownerId() == null;
    }
    return viewer.has(Role.ADVISOR) && reachable;
  }

  private static TermQuery term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }

  private static void filter(BooleanQuery.Builder all, String field, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      all.add(term(field, value.strip()), BooleanClause.Occur.FILTER);
    }
  }

  private static org.apache.lucene.search.Sort indexSort(@Nullable String sort) {
    SortField byId = new SortField("idSort", SortField.Type.STRING);
    if ("recent".equals(sort)) {
      return new org.apache.lucene.search.Sort(
          new SortField("updated", SortField.Type.LONG, true), byId);
    }
    if ("graduationYear".equals(sort)) {
      SortField year = new SortField("yearSort", SortField.Type.INT, true);
      year.setMissingValue(Integer.MIN_VALUE);
      return new org.apache.lucene.search.Sort(year, byId);
    }
    return new org.apache.lucene.search.Sort(new SortField("nameKey", SortField.Type.STRING), byId);
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
