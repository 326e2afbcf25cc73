package org.infointerview.interviews.sharing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.infointerview.interviews.interview.Interview;
import org.infointerview.interviews.interview.SharedInterview;
import org.infointerview.messaging.consumer.ReadModels;
import org.infointerview.support.audit.AuditEntry;
import org.infointerview.support.audit.AuditLog;
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

  /** The most interviews an advisor's list shows of one student who shared all. */
  private static final int MOST_PER_STUDENT = 200;

  private final MongoTemplate mongo;
  private final AuditLog audit;
  private final Clock clock;

  Sharing(MongoTemplate mongo, AuditLog audit, Clock clock) {
    this.mongo = mongo;
    this.audit = audit;
    this.clock = clock;
  }

  /** A profile from contacts-service: kept as an advisor while its roles say ADVISOR. */
  void profile(String userId, String displayName, List<String> roles, long version) {
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

  /** What is shared with the advisor: each student's interviews, newest first, without notes. */
  List<SharedWithMe> sharedWith(CurrentUser advisor) {
    List<SharedWithMe> all = new ArrayList<>();
    List<Share> shares =
        mongo.find(
            Query.query(Criteria.where("advisorId").is(advisor.id())).limit(1000), Share.class);
    for (Share share : shares) {
      Criteria criteria = Criteria.where("studentId").is(share.studentId());
      if (share.interviewId() != null) {
        criteria = criteria.and("_id").is(share.interviewId());
      }
      for (Interview interview :
          mongo.find(
              Query.query(criteria)
                  .with(Sort.by(Sort.Direction.DESC, "updatedAt"))
                  .limit(MOST_PER_STUDENT),
              Interview.class)) {
        if (all.stream().noneMatch(s -> s.interview().id().equals(interview.id()))) {
          all.add(new SharedWithMe(share.studentName(), SharedInterview.listed(interview)));
        }
      }
    }
    return all;
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
    return audit
        .find(new AuditLog.AuditQuery(null, student.id(), null, null, null, null, 0, 100))
        .stream()
        .filter(e -> !e.actorId().equals(student.id()))
        .toList();
  }

  /** A shared interview and whose it is. */
  record SharedWithMe(String studentName, SharedInterview interview) {}
}
