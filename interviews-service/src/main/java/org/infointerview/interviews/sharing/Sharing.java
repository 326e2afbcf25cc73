package org.infointerview.interviews.sharing;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.infointerview.interviews.interview.Interview;
import org.infointerview.interviews.interview.SharedInterview;
import org.infointerview.messaging.consumer.ReadModels;
import org.infointerview.support.audit.AuditEntry;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.personal.ErasedPeople;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Who a student shares with, and what an advisor may read because of it. An advisor is never told
 * that an interview not shared with them exists (404, as for a missing one); each full read (the
 * preparation and notes) is an audit entry about the student, which the student reads in "who saw
 * my records".
 */
@Service
class Sharing {

  static final String READ = "READ_SHARED_INTERVIEW";

  /** The most shares an advisor's list reads, and the most interviews it shows. */
  private static final int MOST_SHARES = 1000;

  private static final int MOST_LISTED = 1000;

  private final MongoTemplate mongo;
  private final AuditLog audit;
  private final ErasedPeople erased;
  private final Clock clock;

  Sharing(MongoTemplate mongo, AuditLog audit, ErasedPeople erased, Clock clock) {
    this.mongo = mongo;
    this.audit = audit;
    this.erased = erased;
    this.clock = clock;
  }

  long countOf(Collection<String> studentIds) {
    return mongo.count(Query.query(Criteria.where("studentId").in(studentIds)), Share.class);
  }

  /** A student's shares: gone (their interviews went). */
  void removeOf(String studentId) {
    mongo.remove(Query.query(Criteria.where("studentId").is(studentId)), Share.class);
  }

  /** An erased person's shares, as the student or as the advisor, and their advisor record. */
  void erase(String personId) {
    mongo.remove(
        Query.query(
            new Criteria()
                .orOperator(
                    Criteria.where("studentId").is(personId),
                    Criteria.where("advisorId").is(personId))),
        Share.class);
    mongo.remove(Query.query(Criteria.where("_id").is(personId)), Advisor.class);
  }

  /**
   * A profile from contacts-service: kept as an advisor while its roles say ADVISOR; a profile of
   * someone erased since (the topic read again) is not.
   */
  void profile(String userId, String displayName, List<String> roles, long version) {
    if (erased.covers(userId, version)) {
      return;
    }
    if (roles.contains("ADVISOR")) {
      ReadModels.upsertIfNewer(
          mongo,
          Advisor.COLLECTION,
          userId,
          "profileVersion",
          version,
          new Update().set("displayName", displayName));
    } else {
      mongo.remove(
          Query.query(Criteria.where("_id").is(userId).and("profileVersion").lt(version)),
          Advisor.class);
    }
  }

  List<Advisor> advisors() {
    return mongo.find(new Query().with(Sort.by("displayName", "_id")).limit(500), Advisor.class);
  }

  List<Share> mine(CurrentUser student) {
    return mongo.find(
        Query.query(Criteria.where("studentId").is(student.id())).with(Sort.by("sharedAt")),
        Share.class);
  }

  /** Shares one interview of the student's, or all; sharing the same again changes nothing. */
  Share share(CurrentUser student, ShareRequest request) {
    Advisor advisor = mongo.findById(request.advisorId(), Advisor.class);
    if (advisor == null) {
      throw new InvalidFieldException("advisorId", "is not an advisor of your career center");
    }
    if (request.interviewId() != null) {
      Interview interview = mongo.findById(request.interviewId(), Interview.class);
      if (interview == null || !interview.studentId().equals(student.id())) {
        throw new NotFoundException("Interview", request.interviewId());
      }
    }
    String key = request.interviewId() == null ? Share.ALL : request.interviewId();
    Share share =
        new Share(
            UUID.randomUUID().toString(),
            student.id(),
            student.name() == null || student.name().isBlank() ? "A student" : student.name(),
            advisor.id(),
            advisor.displayName(),
            request.interviewId(),
            key,
            clock.instant());
    try {
      Share stored = mongo.insert(share);
      audit.record(
          student,
          "SHARED_WITH_ADVISOR",
          "Interview",
          key,
          student.id(),
          "shared with " + advisor.displayName());
      return stored;
    } catch (DuplicateKeyException already) {
      return mongo.findOne(
          Query.query(
              Criteria.where("studentId")
                  .is(student.id())
                  .and("advisorId")
                  .is(advisor.id())
                  .and("interviewKey")
                  .is(key)),
          Share.class);
    }
  }

  /** Stops a share of the student's; 404 for anyone else's. */
  void stop(CurrentUser student, String shareId) {
    Share share = mongo.findById(shareId, Share.class);
    if (share == null || !share.studentId().equals(student.id())) {
      throw new NotFoundException("Share", shareId);
    }
    mongo.remove(Query.query(Criteria.where("_id").is(shareId)), Share.class);
    audit.record(
        student,
        "SHARING_STOPPED",
        "Interview",
        share.interviewKey(),
        student.id(),
        "no longer shared with " + share.advisorName());
  }

  /**
   * What is shared with the advisor, newest first, without notes: one read of the interviews that
   * any of the advisor's shares covers (a student's whole record, or one interview).
   */
  List<SharedWithMe> sharedWith(CurrentUser advisor) {
    List<Share> shares =
        mongo.find(
            Query.query(Criteria.where("advisorId").is(advisor.id())).limit(MOST_SHARES),
            Share.class);
    if (shares.isEmpty()) {
      return List.of();
    }
    Map<String, String> names = new HashMap<>();
    Set<String> wholeRecords = new HashSet<>();
    Set<String> oneByOne = new HashSet<>();
    for (Share share : shares) {
      names.putIfAbsent(share.studentId(), share.studentName());
      if (share.interviewId() == null) {
        wholeRecords.add(share.studentId());
      } else {
        oneByOne.add(share.interviewId());
      }
    }
    Criteria covered =
        new Criteria()
            .orOperator(
                Criteria.where("studentId").in(wholeRecords), Criteria.where("_id").in(oneByOne));
    return mongo
        .find(
            Query.query(covered).with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(MOST_LISTED),
            Interview.class)
        .stream()
        .filter(interview -> names.containsKey(interview.studentId()))
        .map(
            interview ->
                new SharedWithMe(
                    names.get(interview.studentId()), SharedInterview.listed(interview)))
        .toList();
  }

  /** One shared interview in full, the read recorded; 404 when it is not shared with this one. */
  SharedWithMe read(CurrentUser advisor, String interviewId) {
    Interview interview = mongo.findById(interviewId, Interview.class);
    Share share = interview == null ? null : shareOf(advisor, interview);
    if (interview == null || share == null) {
      throw new NotFoundException("Interview", interviewId);
    }
    audit.record(
        advisor,
        READ,
        "Interview",
        interview.id(),
        interview.studentId(),
        "shared by the student with " + share.advisorName() + " on " + share.sharedAt());
    return new SharedWithMe(share.studentName(), SharedInterview.read(interview));
  }

  private @Nullable Share shareOf(CurrentUser advisor, Interview interview) {
    return mongo
        .find(
            Query.query(
                Criteria.where("advisorId")
                    .is(advisor.id())
                    .and("studentId")
                    .is(interview.studentId())),
            Share.class)
        .stream()
        .filter(s -> s.covers(interview.id()))
        .findFirst()
        .orElse(null);
  }

  /** Every record of the audit about the student made by someone else: who saw what, and why. */
  List<AuditEntry> readsOf(CurrentUser student) {
    return audit.aboutByOthers(student.id(), 100);
  }

  /** A shared interview and whose it is. */
  record SharedWithMe(String studentName, SharedInterview interview) {}
}
