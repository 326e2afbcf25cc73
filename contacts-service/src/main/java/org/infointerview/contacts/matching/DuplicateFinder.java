package org.infointerview.contacts.matching;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.bson.Document;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactDetails;
import org.infointerview.contacts.text.SearchTokens;
import org.infointerview.messaging.store.StorePages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Finds probable duplicates among institution contacts, family by family: two records with the same
 * family name whose full names are similar (Jaro-Winkler, Commons Text, at least {@value
 * #THRESHOLD}) and that share a graduation year or an organization. Two different alumni ids mean
 * two people and are never proposed. Each pair found becomes an open review unless it was decided
 * before.
 */
@Service
public class DuplicateFinder {

  static final double THRESHOLD = 0.88;
  private static final int LARGEST_FAMILY = 200;
  private static final int PAGE = 1_000;
  private static final int REMEMBERED_FAMILIES = 20_000;
  private static final Logger log = LoggerFactory.getLogger(DuplicateFinder.class);

  private final MongoTemplate mongo;
  private final Clock clock;
  private final JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();

  DuplicateFinder(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * Looks for duplicates among the families named, one family at a time; a family too large to
   * compare pair by pair is skipped. Returns how many new reviews were opened.
   */
  public long scan(Collection<String> familyKeys) {
    long opened = 0;
    for (String family : familyKeys) {
      Query query =
          Query.query(
                  Criteria.where("familyKey")
                      .is(family)
                      .and("ownerId")
                      .isNull()
                      .and("status")
                      .is("ACTIVE"))
              .limit(LARGEST_FAMILY + 1);
      opened += compare(mongo.find(query, Contact.class));
    }
    if (opened > 0) {
      log.info("Duplicate scan over {} families opened {} reviews", familyKeys.size(), opened);
    }
    return opened;
  }

  /**
   * Looks everywhere: every family of institution contacts, found by reading the contacts a page at
   * a time. A family met again on a later page is compared again only once it has left the recent
   * ones remembered (comparing twice opens nothing twice), so the pass holds a page and a bounded
   * set of names, not every family at once.
   */
  long scanAll() {
    Query institution = Query.query(Criteria.where("ownerId").isNull().and("status").is("ACTIVE"));
    institution.fields().include("familyKey");
    Set<String> recent =
        Collections.newSetFromMap(
            new LinkedHashMap<>() {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED_FAMILIES;
              }
            });
    long opened = 0;
    List<String> families = new ArrayList<>();
    try (Stream<Document> keys =
        StorePages.stream(mongo, institution, Document.class, "contacts", PAGE)) {
      for (Document key : (Iterable<Document>) keys::iterator) {
        String family = key.getString("familyKey");
        if (family != null && recent.add(family)) {
          families.add(family);
        }
        if (families.size() == PAGE) {
          opened += scan(families);
          families.clear();
        }
      }
    }
    return opened + scan(families);
  }

  private long compare(List<Contact> family) {
    if (family.size() < 2 || family.size() > LARGEST_FAMILY) {
      return 0;
    }
    long opened = 0;
    for (int i = 0; i < family.size(); i++) {
      for (int j = i + 1; j < family.size(); j++) {
        opened += propose(family.get(i), family.get(j));
      }
    }
    return opened;
  }

  private int propose(Contact a, Contact b) {
    ContactDetails x = a.details();
    ContactDetails y = b.details();
    String idX = x.externalAlumniId();
    String idY = y.externalAlumniId();
    if (idX != null && idY != null && !idX.equals(idY)) {
      return 0;
    }
    List<String> reasons = new ArrayList<>();
    Integer yearX = x.alumni() == null ? null : x.alumni().graduationYear();
    Integer yearY = y.alumni() == null ? null : y.alumni().graduationYear();
    if (yearX != null && yearX.equals(yearY)) {
      reasons.add("SAME_GRADUATION_YEAR");
    }
    if (x.organizationName() != null
        && y.organizationName() != null
        && SearchTokens.fold(x.organizationName())
            .equals(SearchTokens.fold(y.organizationName()))) {
      reasons.add("SAME_ORGANIZATION");
    }
    if (reasons.isEmpty()) {
      return 0;
    }
    double score =
        similarity.apply(
            SearchTokens.nameKey(x.givenName(), x.familyName()),
            SearchTokens.nameKey(y.givenName(), y.familyName()));
    if (score < THRESHOLD) {
      return 0;
    }
    String id = MatchReview.pairKey(a.id(), b.id());
    var result =
        mongo.upsert(
            Query.query(Criteria.where("_id").is(id)),
            new Update()
                .setOnInsert("firstId", a.id().compareTo(b.id()) < 0 ? a.id() : b.id())
                .setOnInsert("secondId", a.id().compareTo(b.id()) < 0 ? b.id() : a.id())
                .setOnInsert("score", Math.round(score * 1000) / 1000.0)
                .setOnInsert("reasons", reasons)
                .setOnInsert("status", MatchStatus.OPEN)
                .setOnInsert("foundAt", clock.instant()),
            MatchReview.class);
    return result.getUpsertedId() != null ? 1 : 0;
  }
}
