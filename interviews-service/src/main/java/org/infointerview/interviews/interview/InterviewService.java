package org.infointerview.interviews.interview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.types.ObjectId;
import org.infointerview.interviews.contact.ContactCard;
import org.infointerview.interviews.contact.Contacts;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.support.problem.ConflictException;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.problem.PreconditionException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A student's interviews: each loaded as its owner's only (404 for anyone else, whether or not it
 * exists), changed by the aggregate, stored with its facts in one write.
 */
@Service
class InterviewService {

  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final Contacts contacts;
  private final Clock clock;

  InterviewService(MongoTemplate mongo, AggregateStore store, Contacts contacts, Clock clock) {
    this.mongo = mongo;
    this.store = store;
    this.contacts = contacts;
    this.clock = clock;
  }

  /** Plans an interview with someone the student may see (their own contact or a volunteer). */
  Interview plan(CurrentUser student, PlanInterviewRequest request) {
    ContactCard contact =
        contacts
            .visibleTo(student, request.contactId())
            .orElseThrow(() -> new NotFoundException("Contact", request.contactId()));
    return store.insert(
        Interview.plan(
            new ObjectId().toHexString(),
            student.id(),
            ContactRef.of(contact),
            blankToNull(request.careerField()),
            request.purpose().strip(),
            clock.instant()));
  }

  /** The student's interviews, newest first. */
  List<Interview> mine(CurrentUser student, @Nullable InterviewStatus status, int page, int size) {
    Criteria criteria = Criteria.where("studentId").is(student.id());
    if (status != null) {
      criteria = criteria.and("status").is(status);
    }
    return mongo.find(
        Query.query(criteria)
            .with(Sort.by(Sort.Direction.DESC, "createdAt"))
            .skip((long) page * size)
            .limit(size),
        Interview.class);
  }

  /** One of the student's interviews; 404 for any other. */
  Interview own(CurrentUser student, String id) {
    Interview interview = mongo.findById(id, Interview.class);
    if (interview == null || !interview.studentId().equals(student.id())) {
      throw new NotFoundException("Interview", id);
    }
    return interview;
  }

  /** Agrees a time, or a new one; refused when it clashes with another of the student's. */
  Interview schedule(
      CurrentUser student, String id, @Nullable Long readVersion, ScheduleRequest request) {
    return change(
        student,
        id,
        readVersion,
        interview -> {
          Appointment slot = request.appointment(student, interview.contact());
          requireNoClash(student, interview, slot);
          return interview.schedule(slot, clock.instant());
        });
  }

  Interview complete(CurrentUser student, String id, @Nullable Long readVersion) {
    return change(student, id, readVersion, interview -> interview.complete(clock.instant()));
  }

  Interview thank(
      CurrentUser student, String id, @Nullable Long readVersion, ThankYouRequest request) {
    Instant now = clock.instant();
    Instant sentAt = request.sentAt() == null ? now : request.sentAt();
    return change(
        student, id, readVersion, interview -> interview.thank(request.channel(), sentAt, now));
  }

  Interview cancel(
      CurrentUser student, String id, @Nullable Long readVersion, CancelRequest request) {
    return change(
        student,
        id,
        readVersion,
        interview -> interview.cancel(request.reason().strip(), clock.instant()));
  }

  Interview noShow(CurrentUser student, String id, @Nullable Long readVersion) {
    return change(student, id, readVersion, interview -> interview.noShow(clock.instant()));
  }

  Interview close(CurrentUser student, String id, @Nullable Long readVersion) {
    return change(student, id, readVersion, interview -> interview.close(clock.instant()));
  }

  /** Loads, checks the version read (412), decides, writes; a race lost is a 412 as well. */
  private Interview change(
      CurrentUser student,
      String id,
      @Nullable Long readVersion,
      Function<Interview, Changed<Interview>> decision) {
    Interview interview = own(student, id);
    if (readVersion != null && interview.currentVersion() != readVersion) {
      throw PreconditionException.changed("Interview " + id);
    }
    try {
      return store.update(decision.apply(interview));
    } catch (OptimisticLockingFailureException e) {
      throw PreconditionException.changed("Interview " + id);
    }
  }

  /**
   * No two of a student's agreed times may overlap. Appointments last at most an hour, so only
   * those starting within an hour before this one's end can touch it.
   */
  private void requireNoClash(CurrentUser student, Interview interview, Appointment slot) {
    List<Interview> near =
        mongo.find(
            Query.query(
                Criteria.where("studentId")
                    .is(student.id())
                    .and("status")
                    .is(InterviewStatus.SCHEDULED)
                    .and("_id")
                    .ne(interview.id())
                    .and("appointment.start")
                    .gt(
                        slot.start()
                            .minus(Duration.ofMinutes(Appointment.LONGEST_MINUTES))
                            .minusSeconds(1))
                    .lt(slot.end())),
            Interview.class);
    for (Interview other : near) {
      if (other.holdsTime() && other.appointment().overlaps(slot)) {
        throw new ConflictException(
            "CLASH",
            "You already have an interview with "
                + other.contact().displayName()
                + " from "
                + other.appointment().start()
                + " to "
                + other.appointment().end()
                + "; choose another time.",
            Map.of("clashesWith", other.id()));
      }
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
