package org.infointerview.interviews.interview;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bson.types.ObjectId;
import org.infointerview.interviews.contact.ContactCard;
import org.infointerview.interviews.contact.Contacts;
import org.infointerview.interviews.outreach.MergeFields;
import org.infointerview.interviews.outreach.MessageTemplates;
import org.infointerview.interviews.outreach.OutreachChecks;
import org.infointerview.interviews.outreach.OutreachTemplate;
import org.infointerview.interviews.outreach.TemplateKind;
import org.infointerview.interviews.outreach.VolunteerCapacity;
import org.infointerview.interviews.outreach.Volunteers;
import org.infointerview.interviews.outreach.Warning;
import org.infointerview.interviews.preparation.QuestionChecks;
import org.infointerview.interviews.research.ResearchKind;
import org.infointerview.interviews.research.ResearchNote;
import org.infointerview.interviews.research.ResearchNotes;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.support.problem.ConflictException;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.problem.PreconditionException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
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
  private final VolunteerCapacity capacity;
  private final ResearchNotes research;
  private final StudentInterviews byStudent;
  private final AnswerLinks links;
  private final StudentTimes times;
  private final InterviewsProperties properties;
  private final MessageTemplates templates;
  private final Clock clock;

  InterviewService(
      MongoTemplate mongo,
      AggregateStore store,
      Contacts contacts,
      VolunteerCapacity capacity,
      ResearchNotes research,
      StudentInterviews byStudent,
      AnswerLinks links,
      StudentTimes times,
      InterviewsProperties properties,
      MessageTemplates templates,
      Clock clock) {
    this.mongo = mongo;
    this.store = store;
    this.contacts = contacts;
    this.capacity = capacity;
    this.research = research;
    this.byStudent = byStudent;
    this.links = links;
    this.times = times;
    this.properties = properties;
    this.templates = templates;
    this.clock = clock;
  }

  /**
   * A first draft of the request to this interview's person, from the built-in text or a template
   * the career center offers, with its warnings.
   */
  OutreachDraftResponse draft(CurrentUser student, String id, OutreachDraftRequest request) {
    Interview interview = own(student, id);
    String template =
        request.templateId() == null
            ? OutreachTemplate.REQUEST
            : templates.offered(request.templateId(), TemplateKind.OUTREACH, "templateId").body();
    String message =
        MergeFields.fill(
            template,
            draftValues(
                student, interview, request.source(), request.referredBy(), request.major()));
    return new OutreachDraftResponse(message, OutreachChecks.check(message));
  }

  /** A first draft of the thank-you to this interview's person, with its warnings. */
  OutreachDraftResponse thankYouDraft(
      CurrentUser student, String id, ThankYouDraftRequest request) {
    Interview interview = own(student, id);
    String template =
        request.templateId() == null
            ? OutreachTemplate.THANK_YOU
            : templates.offered(request.templateId(), TemplateKind.THANK_YOU, "templateId").body();
    String message =
        MergeFields.fill(template, draftValues(student, interview, null, null, request.major()));
    return new OutreachDraftResponse(
        message, MessageTemplates.checks(TemplateKind.THANK_YOU, message));
  }

  private Map<String, @Nullable String> draftValues(
      CurrentUser student,
      Interview interview,
      OutreachTemplate.@Nullable Source source,
      @Nullable String referredBy,
      @Nullable String major) {
    return OutreachTemplate.values(
        interview.contact().displayName(),
        interview.contact().organizationName(),
        senderName(student, "[your name]"),
        properties.schoolName(),
        major,
        interview.careerField() == null
            ? null
            : interview.careerField().replace('_', ' ').toLowerCase(Locale.ROOT),
        source,
        referredBy);
  }

  /**
   * The student reaches out. Refused (409, nothing stored) when the person asked not to be
   * contacted, or, for a volunteer, has not opted in, is pausing, or was asked as often this month
   * as they agreed to, by all students together; a follow-up to a request already counted is not
   * counted again.
   */
  OutreachResponse reachOut(
      CurrentUser student, String id, @Nullable Long readVersion, OutreachRequest request) {
    Instant now = clock.instant();
    Instant at = request.at() == null ? now : request.at();
    if (at.isAfter(now)) {
      throw new InvalidFieldException("at", "must not be in the future");
    }
    String message = request.message() == null ? null : request.message().strip();
    boolean byEmail = request.channel() == OutreachChannel.EMAIL;
    if (byEmail && (message == null || message.isEmpty())) {
      throw new InvalidFieldException("message", "is what the person receives by email; write it");
    }
    if (!byEmail && request.times() != null && !request.times().isEmpty()) {
      throw new InvalidFieldException(
          "times",
          "are offered in a request by EMAIL; record a time agreed by phone with /schedule");
    }
    Interview interview = own(student, id);
    if (readVersion != null && interview.currentVersion() != readVersion) {
      throw PreconditionException.changed("Interview " + id);
    }
    ContactCard person =
        contacts
            .find(interview.contact().contactId())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "CONTACT_GONE",
                        interview.contact().displayName()
                            + " is no longer in the directory; they cannot be asked."));
    Volunteers.requireReachable(person, now);
    List<Appointment> offered =
        request.times() == null
            ? null
            : request.times().stream()
                .map(t -> t.appointment(student, interview.contact()))
                .toList();
    Changed<Interview> reached =
        interview.reachOut(
            new OutreachAttempt(request.channel(), at, message, false),
            senderName(student),
            offered,
            byEmail ? links.issue(id, person.contactId(), now) : null,
            properties.followUpAfter(),
            now);
    boolean counted =
        interview.asksAnew() && person.institutional() && person.maxRequestsPerMonth() != null;
    if (counted) {
      capacity.claim(
          person.contactId(),
          person.displayName(),
          id,
          person.maxRequestsPerMonth(),
          now,
          other -> askedIn(other, YearMonth.from(now.atZone(ZoneOffset.UTC))));
    }
    try {
      Interview written = store.update(reached);
      return new OutreachResponse(
          InterviewResponse.of(written, now),
          message == null ? List.of() : OutreachChecks.check(message));
    } catch (RuntimeException failed) {
      if (counted) {
        capacity.release(person.contactId(), id, now);
      }
      if (failed instanceof OptimisticLockingFailureException) {
        throw PreconditionException.changed("Interview " + id);
      }
      throw failed;
    }
  }

  /** Whether the interview's request was stored in that month (UTC): its claim was used. */
  private boolean askedIn(String interviewId, YearMonth month) {
    Interview asked = mongo.findById(interviewId, Interview.class);
    return asked != null
        && asked.history().stream()
            .anyMatch(
                step ->
                    step.status() == InterviewStatus.REQUESTED
                        && YearMonth.from(step.at().atZone(ZoneOffset.UTC)).equals(month));
  }

  Interview noResponse(CurrentUser student, String id, @Nullable Long readVersion) {
    return change(student, id, readVersion, interview -> interview.noResponse(clock.instant()));
  }

  Interview declined(
      CurrentUser student, String id, @Nullable Long readVersion, DeclinedRequest request) {
    String reason =
        request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
    return change(
        student, id, readVersion, interview -> interview.declined(reason, clock.instant()));
  }

  /** Plans an interview with someone the student may see (their own contact or a volunteer). */
  Interview plan(CurrentUser student, PlanInterviewRequest request) {
    ContactCard contact =
        contacts
            .visibleTo(student, request.contactId())
            .orElseThrow(() -> new NotFoundException("Contact", request.contactId()));
    ReferralSource source =
        request.fromReferral() == null ? null : referralSource(student, request.fromReferral());
    String id = new ObjectId().toHexString();
    byStudent.add(student.id(), id);
    return store.insert(
        Interview.plan(
            id,
            student.id(),
            ContactRef.of(contact),
            blankToNull(request.careerField()),
            request.purpose().strip(),
            source,
            clock.instant()));
  }

  /** A referral from one of the student's interviews; 404 for any other. */
  private ReferralSource referralSource(CurrentUser student, String referralId) {
    int dash = referralId.lastIndexOf('-');
    String interviewId = dash <= 0 ? referralId : referralId.substring(0, dash);
    Interview from = mongo.findById(interviewId, Interview.class);
    if (from == null || !from.studentId().equals(student.id())) {
      throw new NotFoundException("Referral", referralId);
    }
    return from.referralSource(referralId)
        .orElseThrow(() -> new NotFoundException("Referral", referralId));
  }

  /**
   * Replaces the pitch and questions, and reads them as a counselor would: closed questions, job
   * asks, and what the organization's website answers according to the student's research.
   */
  PreparationResponse prepare(
      CurrentUser student, String id, @Nullable Long readVersion, PreparationRequest request) {
    Instant now = clock.instant();
    Preparation preparation = request.preparation(now);
    Interview written =
        change(student, id, readVersion, interview -> interview.prepared(preparation, now));
    List<String> onWebsite =
        written.contact().organizationName() == null
            ? List.of()
            : research
                .find(student.id(), ResearchKind.ORGANIZATION, written.contact().organizationName())
                .map(ResearchNote::websiteAnswers)
                .orElse(List.of());
    List<PreparationResponse.QuestionWarnings> questions = new ArrayList<>();
    for (int i = 0; i < preparation.questions().size(); i++) {
      String text = preparation.questions().get(i).text();
      List<Warning> warnings = QuestionChecks.check(text, onWebsite);
      if (!warnings.isEmpty()) {
        questions.add(new PreparationResponse.QuestionWarnings(i, text, warnings));
      }
    }
    return new PreparationResponse(
        InterviewResponse.of(written, now),
        preparation.pitch() == null ? List.of() : QuestionChecks.pitch(preparation.pitch()),
        questions);
  }

  /** A time the student was in touch again; the keep-in-touch cadence starts again from it. */
  Interview inTouch(
      CurrentUser student, String id, @Nullable Long readVersion, InteractionRequest request) {
    if (request.kind() == InteractionKind.THANK_YOU
        || request.kind() == InteractionKind.REPORT_BACK) {
      throw new InvalidFieldException(
          "kind", "is recorded with /thank-you or /report-backs; here MESSAGE, CALL or MEETING");
    }
    Instant now = clock.instant();
    Instant at = request.at() == null ? now : request.at();
    if (at.isAfter(now)) {
      throw new InvalidFieldException("at", "must not be in the future");
    }
    return change(
        student,
        id,
        readVersion,
        interview ->
            interview.inTouch(
                new Interaction(request.kind(), at, blankToNull(request.note()), false), now));
  }

  /** What came of the advice: logged, and sent to the person when the student asks. */
  Interview reportBack(
      CurrentUser student, String id, @Nullable Long readVersion, ReportBackRequest request) {
    return change(
        student,
        id,
        readVersion,
        interview ->
            interview.reportedBack(
                request.message().strip(),
                Boolean.TRUE.equals(request.send()),
                senderName(student),
                clock.instant()));
  }

  Interview keepInTouch(
      CurrentUser student, String id, @Nullable Long readVersion, KeepInTouchRequest request) {
    return change(
        student,
        id,
        readVersion,
        interview -> interview.keepInTouchEvery(request.everyDays(), clock.instant()));
  }

  /** Replaces the notes of the conversation. */
  Interview note(CurrentUser student, String id, @Nullable Long readVersion, NotesRequest request) {
    Instant now = clock.instant();
    return change(student, id, readVersion, interview -> interview.noted(request.notes(now), now));
  }

  /**
   * Keeps a referral and tells contacts-service, which adds the person to the student's contacts.
   */
  Interview refer(
      CurrentUser student, String id, @Nullable Long readVersion, ReferralRequest request) {
    return change(
        student,
        id,
        readVersion,
        interview ->
            interview.referred(
                request.name().strip(),
                blankToNull(request.organizationName()),
                blankToNull(request.jobTitle()),
                blankToNull(request.email()),
                blankToNull(request.why()),
                Boolean.TRUE.equals(request.mayUseName()),
                clock.instant()));
  }

  /** The student's interviews, newest first. */
  List<Interview> mine(CurrentUser student, @Nullable InterviewStatus status, int page, int size) {
    return allOf(student).stream()
        .filter(i -> status == null || i.status() == status)
        .sorted(Comparator.comparing(Interview::createdAt).reversed())
        .skip((long) page * size)
        .limit(size)
        .toList();
  }

  /**
   * Every interview of the student, read by {@code _id} from their list ({@link
   * StudentInterviews}): the query names {@code _id} alone, so the embedded store answers it from
   * the {@code _id} index; the rest is sorted out here.
   */
  private List<Interview> allOf(CurrentUser student) {
    return allOf(student.id());
  }

  private List<Interview> allOf(String studentId) {
    return mongo
        .find(Query.query(Criteria.where("_id").in(byStudent.of(studentId))), Interview.class)
        .stream()
        .filter(i -> i.studentId().equals(studentId))
        .toList();
  }

  /** One of the student's interviews; 404 for any other. */
  Interview own(CurrentUser student, String id) {
    Interview interview = mongo.findById(id, Interview.class);
    if (interview == null || !interview.studentId().equals(student.id())) {
      throw new NotFoundException("Interview", id);
    }
    return interview;
  }

  /**
   * Agrees a time, or a new one; refused when it clashes with another of the student's, checked and
   * written while no other time of theirs changes ({@link StudentTimes}).
   */
  Interview schedule(
      CurrentUser student, String id, @Nullable Long readVersion, ScheduleRequest request) {
    return times.changing(
        student.id(),
        () ->
            change(
                student,
                id,
                readVersion,
                interview -> {
                  Appointment slot = request.appointment(student, interview.contact());
                  requireNoClash(student, interview, slot);
                  return interview.schedule(slot, clock.instant());
                }));
  }

  Interview held(
      CurrentUser student, String id, @Nullable Long readVersion, ScheduleRequest request) {
    return change(
        student,
        id,
        readVersion,
        interview ->
            interview.held(request.appointment(student, interview.contact()), clock.instant()));
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

  /** No two of a student's agreed times may overlap. */
  private void requireNoClash(CurrentUser student, Interview interview, Appointment slot) {
    clashWith(student.id(), interview, slot)
        .ifPresent(
            other -> {
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
            });
  }

  /** Another of the student's interviews whose agreed time overlaps the slot, if any. */
  Optional<Interview> clashWith(String studentId, Interview interview, Appointment slot) {
    return allOf(studentId).stream()
        .filter(
            other ->
                !other.id().equals(interview.id())
                    && other.holdsTime()
                    && other.appointment().overlaps(slot))
        .findFirst();
  }

  /** The name the person sees as the sender: the student's sign-in name. */
  private static String senderName(CurrentUser student) {
    return senderName(student, "A student");
  }

  private static String senderName(CurrentUser student, String otherwise) {
    return student.name() == null || student.name().isBlank() ? otherwise : student.name();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
