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
import org.jspecify.annotations.Nullable;
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
 * two people unless the alumni database holds one person twice (a second registration, a name
 * change): such a pair is proposed only when the class year is the same and a strong signal agrees
 * (address, phone, title at the same employer, LinkedIn profile). Each pair found becomes an open
 * review, with its reasons in plain words, unless it was decided before; nothing is ever merged
 * without a person deciding.
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
    boolean twoIds = idX != null && idY != null && !idX.equals(idY);
    Map<String, String> reasons = new LinkedHashMap<>();
    Integer yearX = x.alumni() == null ? null : x.alumni().graduationYear();
    Integer yearY = y.alumni() == null ? null : y.alumni().graduationYear();
    boolean sameYear = yearX != null && yearX.equals(yearY);
    boolean sameOrganization =
        x.organizationName() != null
            && y.organizationName() != null
            && SearchTokens.fold(x.organizationName())
                .equals(SearchTokens.fold(y.organizationName()));
    if (twoIds) {
      // two ids mean two people unless the class year and a strong signal say otherwise
      Map<String, String> strong = strongSignals(a, b, sameOrganization);
      if (!sameYear || strong.isEmpty()) {
        return 0;
      }
      reasons.put(
          "TWO_ALUMNI_IDS",
          "Two alumni ids, "
              + idX
              + " and "
              + idY
              + ": the alumni database may hold this person twice (a second registration, a"
              + " name change)");
      reasons.put("SAME_GRADUATION_YEAR", "Both graduated in " + yearX);
      reasons.putAll(strong);
    } else {
      if (sameYear) {
        reasons.put("SAME_GRADUATION_YEAR", "Both graduated in " + yearX);
      }
      if (sameOrganization) {
        reasons.put("SAME_ORGANIZATION", "Both work at " + x.organizationName());
      }
      if (reasons.isEmpty()) {
        return 0;
      }
    }
    double score =
        similarity.apply(
            SearchTokens.nameKey(x.givenName(), x.familyName()),
            SearchTokens.nameKey(y.givenName(), y.familyName()));
    if (score < THRESHOLD) {
      return 0;
    }
    List<String> explanation = new ArrayList<>();
    explanation.add(
        "Names "
            + Math.round(score * 100)
            + " % alike: "
            + x.givenName()
            + " "
            + x.familyName()
            + ", "
            + y.givenName()
            + " "
            + y.familyName());
    explanation.addAll(reasons.values());
    return open(
        a, b, Math.round(score * 1000) / 1000.0, List.copyOf(reasons.keySet()), explanation, null);
  }

  /** Opens a review of the pair unless it has one (open or decided): 1 when opened. */
  private int open(
      Contact a,
      Contact b,
      double score,
      List<String> reasons,
      List<String> explanation,
      @Nullable String ownerId) {
    Update review =
        new Update()
            .setOnInsert("firstId", a.id().compareTo(b.id()) < 0 ? a.id() : b.id())
            .setOnInsert("secondId", a.id().compareTo(b.id()) < 0 ? b.id() : a.id())
            .setOnInsert("score", score)
            .setOnInsert("reasons", reasons)
            .setOnInsert("explanation", explanation)
            .setOnInsert("status", MatchStatus.OPEN)
            .setOnInsert("foundAt", clock.instant());
    if (ownerId != null) {
      review.setOnInsert("ownerId", ownerId);
    }
    var result =
        mongo.upsert(
            Query.query(Criteria.where("_id").is(MatchReview.pairKey(a.id(), b.id()))),
            review,
            MatchReview.class);
    return result.getUpsertedId() != null ? 1 : 0;
  }

  /**
   * What two records share that one person has and two rarely do: an address, a phone number, the
   * same title at the same employer, the same LinkedIn profile; each with its value, in words.
   */
  private static Map<String, String> strongSignals(Contact a, Contact b, boolean sameEmployer) {
    ContactDetails x = a.details();
    ContactDetails y = b.details();
    Map<String, String> signals = new LinkedHashMap<>();
    for (String email : x.emails()) {
      if (y.emails().stream().anyMatch(email::equalsIgnoreCase)) {
        signals.put("SAME_EMAIL", "Both have the address " + email);
        break;
      }
    }
    for (String phone : x.phones()) {
      if (y.phones().contains(phone)) {
        signals.put("SAME_PHONE", "Both have the phone number " + phone);
        break;
      }
    }
    if (sameEmployer
        && x.jobTitle() != null
        && y.jobTitle() != null
        && SearchTokens.fold(x.jobTitle()).equals(SearchTokens.fold(y.jobTitle()))) {
      signals.put(
          "SAME_EMPLOYER_AND_TITLE", "Both are " + x.jobTitle() + " at " + x.organizationName());
    }
    if (a.linkedinKey() != null && a.linkedinKey().equals(b.linkedinKey())) {
      signals.put("SAME_LINKEDIN", "Both have the LinkedIn profile " + x.linkedinUrl());
    }
    return signals;
  }

  /** The reasons of a review found before their words were kept. */
  static List<String> explained(List<String> reasons) {
    return reasons.stream()
        .map(
            r ->
                switch (r) {
                  case "SAME_GRADUATION_YEAR" -> "Both graduated the same year";
                  case "SAME_ORGANIZATION" -> "Both work at the same organization";
                  default -> r;
                })
        .toList();
  }

  /**
   * Looks among one student's own contacts of the families named for two with the same name at the
   * same organization that nothing stronger (an address, a LinkedIn profile) joined: each pair
   * becomes a review for the student to decide, never merged by itself. Returns how many opened.
   */
  public long scanOwn(String ownerId, Collection<String> familyKeys) {
    long opened = 0;
    for (String family : familyKeys) {
      List<Contact> own =
          mongo.find(
              Query.query(
                      Criteria.where("familyKey")
                          .is(family)
                          .and("ownerId")
                          .is(ownerId)
                          .and("status")
                          .is("ACTIVE"))
                  .limit(LARGEST_FAMILY + 1),
              Contact.class);
      if (own.size() > LARGEST_FAMILY) {
        continue;
      }
      for (int i = 0; i < own.size(); i++) {
        for (int j = i + 1; j < own.size(); j++) {
          opened += proposeOwn(ownerId, own.get(i), own.get(j));
        }
      }
    }
    return opened;
  }

  private int proposeOwn(String ownerId, Contact a, Contact b) {
    if (!a.nameKey().equals(b.nameKey())
        || a.organizationKey() == null
        || !a.organizationKey().equals(b.organizationKey())) {
      return 0;
    }
    return open(
        a,
        b,
        1.0,
        List.of("SAME_NAME_AND_ORGANIZATION"),
        List.of(
            "Both are " + a.details().displayName() + " at " + a.details().organizationName(),
            "No address or LinkedIn profile tells whether they are one person"),
        ownerId);
  }

  /**
   * Closes the open reviews of contacts that are gone (erased by an import's undo): nothing is left
   * to decide there. Returns how many were closed.
   */
  public long closeReviewsOf(Collection<String> contactIds) {
    if (contactIds.isEmpty()) {
      return 0;
    }
    return mongo
        .updateMulti(
            Query.query(
                new Criteria()
                    .orOperator(
                        Criteria.where("firstId").in(contactIds),
                        Criteria.where("secondId").in(contactIds))
                    .and("status")
                    .is(MatchStatus.OPEN)),
            new Update().set("status", MatchStatus.CLOSED).set("decidedAt", clock.instant()),
            MatchReview.class)
        .getModifiedCount();
  }
}
