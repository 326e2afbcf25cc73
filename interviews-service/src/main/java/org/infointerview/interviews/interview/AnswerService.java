package org.infointerview.interviews.interview;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.bson.types.ObjectId;
import org.infointerview.interviews.contact.Contacts;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.support.problem.ConflictException;
import org.infointerview.support.problem.GoneException;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The person's side of a request: read and answered through the link in the request's mail, with no
 * account, or signed in by an alumnus whose record is linked to their sign-in. A link answers for
 * its own interview only; a token that is malformed, forged or not this interview's is a 404 that
 * says nothing of any interview, a used or expired one a 410.
 */
@Service
class AnswerService {

  /** The most requests shown to a person at once, newest first. */
  static final int MOST_REQUESTS = 100;

  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final AnswerLinks links;
  private final InterviewService interviews;
  private final StudentTimes times;
  private final Contacts contacts;
  private final InterviewsProperties properties;
  private final Clock clock;

  AnswerService(
      MongoTemplate mongo,
      AggregateStore store,
      AnswerLinks links,
      InterviewService interviews,
      StudentTimes times,
      Contacts contacts,
      InterviewsProperties properties,
      Clock clock) {
    this.mongo = mongo;
    this.store = store;
    this.links = links;
    this.interviews = interviews;
    this.times = times;
    this.contacts = contacts;
    this.properties = properties;
    this.clock = clock;
  }

  /** The request the link is for, as the person sees it. */
  RequestView view(String token) {
    Opened opened = open(token, clock.instant());
    return RequestView.of(opened.interview(), properties.schoolName(), opened.link().expiresAt());
  }

  /** The person answers through the link; the link is used up by it. */
  RequestView answer(String token, AnswerRequest request) {
    for (int attempt = 0; ; attempt++) {
      Instant now = clock.instant();
      Opened opened = open(token, now);
      try {
        Interview written = decide(opened.interview(), request, Answer.Via.LINK, now);
        return RequestView.of(written, properties.schoolName(), opened.link().expiresAt());
      } catch (OptimisticLockingFailureException raced) {
        // The student changed the interview meanwhile (or another answer won): read it again.
        if (attempt == 2) {
          throw new ConflictException(
              "CHANGED", "The request changed while you answered; open the link again.");
        }
      }
    }
  }

  /** Requests to the signed-in person (their linked records), waiting or agreed, newest first. */
  List<RequestView> requestsTo(CurrentUser person) {
    List<String> mine = contacts.linkedTo(person);
    if (mine.isEmpty()) {
      return List.of();
    }
    Query query =
        Query.query(
            Criteria.where("contact.contactId")
                .in(mine)
                .and("status")
                .in(InterviewStatus.REQUESTED, InterviewStatus.SCHEDULED));
    return mongo.find(query, Interview.class).stream()
        .sorted(Comparator.comparing(Interview::updatedAt).reversed())
        .limit(MOST_REQUESTS)
        .map(i -> RequestView.of(i, properties.schoolName(), null))
        .toList();
  }

  /** The signed-in person answers a request to them; 404 for any request not to them. */
  RequestView answerAs(CurrentUser person, String id, AnswerRequest request) {
    Interview interview = toThem(person, id);
    try {
      Interview written = decide(interview, request, Answer.Via.ACCOUNT, clock.instant());
      return RequestView.of(written, properties.schoolName(), null);
    } catch (OptimisticLockingFailureException raced) {
      throw new ConflictException(
          "CHANGED", "The request changed while you answered; read it again and answer then.");
    }
  }

  /** The person says the agreed time passed without the conversation (after its end). */
  RequestView noShowAs(CurrentUser person, String id) {
    Interview interview = toThem(person, id);
    try {
      Interview written = store.update(interview.noShow(clock.instant()));
      return RequestView.of(written, properties.schoolName(), null);
    } catch (OptimisticLockingFailureException raced) {
      throw new ConflictException(
          "CHANGED", "The interview changed meanwhile; read it again and mark it then.");
    }
  }

  /** A request to one of the person's linked records; 404 for any other, and for a mere plan. */
  private Interview toThem(CurrentUser person, String id) {
    Interview interview = ObjectId.isValid(id) ? mongo.findById(id, Interview.class) : null;
    if (interview == null
        || interview.status() == InterviewStatus.PLANNED
        || !contacts.linkedTo(person).contains(interview.contact().contactId())) {
      throw new NotFoundException("Request", id);
    }
    return interview;
  }

  private Interview decide(
      Interview interview, AnswerRequest request, Answer.Via via, Instant now) {
    Changed<Interview> answered =
        interview.answered(
            request.answer(),
            request.time(),
            request.proposals(),
            request.timeZone(),
            request.words(),
            via,
            now);
    Appointment agreed = answered.state().appointment();
    if (request.answer() != Answer.Kind.ACCEPTED || agreed == null) {
      return store.update(answered);
    }
    // A time agreed: checked against the student's others and written while none of theirs changes.
    return times.changing(
        interview.studentId(),
        () -> {
          interviews
              .clashWith(interview.studentId(), interview, agreed)
              .ifPresent(
                  other -> {
                    throw new ConflictException(
                        "CLASH",
                        "That time is no longer free for the student; propose other times"
                            + " (PROPOSED) instead.");
                  });
          return store.update(answered);
        });
  }

  private record Opened(Interview interview, AnswerLink link) {}

  /** The interview and link the token opens; 404 for any token not issued, 410 once it is over. */
  private Opened open(String token, Instant now) {
    NotFoundException invalid =
        new NotFoundException(
            "This answer link is not valid: open it from the mail exactly as it came, or ask the"
                + " student to send the request again.");
    AnswerLinks.Presented presented = AnswerLinks.read(token).orElseThrow(() -> invalid);
    Interview interview = mongo.findById(presented.interviewId(), Interview.class);
    if (interview == null) {
      throw invalid;
    }
    AnswerLink link =
        interview
            .answerLink(presented.tokenId())
            .filter(l -> links.genuine(presented, l))
            .orElseThrow(() -> invalid);
    if (link.usedAt() != null) {
      throw new GoneException(
          "LINK_USED",
          "This link was already used to answer on "
              + link.usedAt()
              + "; the student has the answer and will be in touch.");
    }
    if (!now.isBefore(link.expiresAt())) {
      throw new GoneException(
          "LINK_EXPIRED",
          "This link expired on "
              + link.expiresAt()
              + "; the student can send the request again if they still hope to talk.");
    }
    if (interview.status() != InterviewStatus.REQUESTED) {
      throw new GoneException(
          "REQUEST_CLOSED",
          "This request is no longer open: the student withdrew it, or a time was agreed"
              + " another way.");
    }
    return new Opened(interview, link);
  }
}
