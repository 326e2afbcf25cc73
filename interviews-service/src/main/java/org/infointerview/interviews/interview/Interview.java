package org.infointerview.interviews.interview;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.infointerview.events.IntegrationEvent;
import org.infointerview.events.interviews.InterviewCancelled;
import org.infointerview.events.interviews.InterviewCompleted;
import org.infointerview.events.interviews.InterviewDueDatesChanged;
import org.infointerview.events.interviews.InterviewPlanned;
import org.infointerview.events.interviews.InterviewRescheduled;
import org.infointerview.events.interviews.InterviewScheduled;
import org.infointerview.events.interviews.OutreachLogged;
import org.infointerview.events.interviews.OutreachRequested;
import org.infointerview.events.interviews.ProposedTime;
import org.infointerview.events.interviews.ReferralCaptured;
import org.infointerview.events.interviews.ReportBackSent;
import org.infointerview.events.interviews.RequestAnswered;
import org.infointerview.events.interviews.ThankYouSent;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.support.problem.ConflictException;
import org.infointerview.support.problem.FieldError;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.problem.UnprocessableException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A student's informational interview with one person: owned by that student and never shown to
 * another. Immutable: each transition checks the move against {@link InterviewStatus} and returns
 * the new state with the facts it causes ({@link Changed}); an illegal move is a 409 naming the
 * allowed next steps.
 *
 * @param contact whom it is with, as known when planned
 * @param careerField the career field code it is about; optional
 * @param purpose what the student wants to learn, in their words
 * @param appointment the time agreed; null until scheduled
 * @param thankYouDueAt completion + 48 hours
 * @param endReason why it was cancelled or declined, in the words of whoever said so
 * @param attempts each time the student reached out, oldest first
 * @param followUpDueAt when a follow-up is due if the person has not answered
 * @param studentName the name the person sees as the sender, as of the last request
 * @param offeredTimes up to three times the student offered with the last request by email
 * @param answerLinks the links through which the person may answer, one per request by email
 * @param answers what the person answered, oldest first
 * @param preparation the student's pitch and questions for this conversation
 * @param notes what the student wrote during or after the conversation
 * @param referrals whom the person suggested talking to next
 * @param referredThrough the referral this interview follows, if any
 * @param interactions each time the student was in touch after the conversation
 * @param keepInTouchEveryDays the keep-in-touch cadence; null when the student stopped it
 * @param keepInTouchDueAt when to be in touch again: the last interaction + the cadence
 * @param history every move, oldest first
 */
@Document(Interview.COLLECTION)
@CompoundIndex(name = "student_created", def = "{'studentId': 1, 'createdAt': -1}")
@CompoundIndex(name = "student_status", def = "{'studentId': 1, 'status': 1}")
@CompoundIndex(name = "created", def = "{'createdAt': 1}")
@RecordBuilder
@RecordBuilder.Options(useImmutableCollections = true)
public record Interview(
    @Id String id,
    String studentId,
    ContactRef contact,
    @Nullable String careerField,
    String purpose,
    InterviewStatus status,
    @Nullable Appointment appointment,
    @Nullable Instant completedAt,
    @Nullable Instant thankYouDueAt,
    @Nullable ThankYou thankYou,
    @Nullable String endReason,
    List<OutreachAttempt> attempts,
    @Nullable Instant followUpDueAt,
    @Nullable String studentName,
    List<Appointment> offeredTimes,
    List<AnswerLink> answerLinks,
    List<Answer> answers,
    @Nullable Preparation preparation,
    @Nullable Notes notes,
    List<Referral> referrals,
    @Nullable ReferralSource referredThrough,
    List<Interaction> interactions,
    @Nullable Integer keepInTouchEveryDays,
    @Nullable Instant keepInTouchDueAt,
    List<Step> history,
    Instant createdAt,
    Instant updatedAt,
    @Version @Nullable Long version)
    implements InterviewBuilder.With {

  static final String COLLECTION = "interviews";

  /** How long a student has to thank the person after the conversation. */
  static final Duration THANK_YOU_WITHIN = Duration.ofHours(48);

  /** How far ahead a time may be agreed. */
  static final Duration LATEST_START = Duration.ofDays(365);

  /** Follow-ups after which no answer is taken as none (NO_RESPONSE is suggested). */
  static final int FOLLOW_UPS_BEFORE_GIVING_UP = 2;

  /** The most text notes may hold: 64 KiB of characters, a long conversation's worth. */
  static final int NOTES_MOST_CHARACTERS = 65_536;

  /** States before the conversation: preparing. */
  private static final Set<InterviewStatus> PREPARING =
      EnumSet.of(InterviewStatus.PLANNED, InterviewStatus.REQUESTED, InterviewStatus.SCHEDULED);

  /** States in which the conversation is under way or has happened: notes and referrals. */
  private static final Set<InterviewStatus> CONVERSED =
      EnumSet.of(
          InterviewStatus.SCHEDULED,
          InterviewStatus.COMPLETED,
          InterviewStatus.THANKED,
          InterviewStatus.CLOSED);

  /** The keep-in-touch cadence a completed interview starts with. */
  static final int KEEP_IN_TOUCH_DAYS = 90;

  /** States after the conversation: keeping in touch. */
  private static final Set<InterviewStatus> AFTER =
      EnumSet.of(InterviewStatus.COMPLETED, InterviewStatus.THANKED, InterviewStatus.CLOSED);

  /**
   * Lists absent from a partial read (the dashboard leaves the long ones in the store) are empty.
   */
  @SuppressWarnings("ConstantValue")
  public Interview {
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
    offeredTimes = offeredTimes == null ? List.of() : List.copyOf(offeredTimes);
    answerLinks = answerLinks == null ? List.of() : List.copyOf(answerLinks);
    answers = answers == null ? List.of() : List.copyOf(answers);
    interactions = interactions == null ? List.of() : List.copyOf(interactions);
    referrals = referrals == null ? List.of() : List.copyOf(referrals);
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** A new interview a student plans with someone they may see. */
  static Changed<Interview> plan(
      String id,
      String studentId,
      ContactRef contact,
      @Nullable String careerField,
      String purpose,
      @Nullable ReferralSource referredThrough,
      Instant now) {
    Interview planned =
        new Interview(
            id,
            studentId,
            contact,
            careerField,
            purpose,
            InterviewStatus.PLANNED,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            null,
            List.of(),
            referredThrough,
            List.of(),
            KEEP_IN_TOUCH_DAYS,
            null,
            List.of(new Step(InterviewStatus.PLANNED, now)),
            now,
            now,
            null);
    return Changed.to(
        planned, new InterviewPlanned(id, studentId, contact.contactId(), careerField, now, 0));
  }

  /**
   * A time agreed: the first (InterviewScheduled), or a new one for a scheduled interview
   * (InterviewRescheduled, sequence + 1). The start must lie ahead, within a year; the same time,
   * mode and place again changes nothing.
   */
  Changed<Interview> schedule(Appointment slot, Instant now) {
    requireBookable(slot.start(), slot.durationMinutes(), "", now);
    Appointment before = appointment;
    if (status == InterviewStatus.SCHEDULED
        && before != null
        && before.equals(slot.numbered(before.sequence()))) {
      return Changed.nothing(this);
    }
    requireMove(InterviewStatus.SCHEDULED, "scheduled");
    Appointment agreed = slot.numbered(before == null ? 0 : before.sequence() + 1);
    Interview next =
        moved(InterviewStatus.SCHEDULED, now).withAppointment(agreed).withFollowUpDueAt(null);
    if (status == InterviewStatus.SCHEDULED && before != null) {
      return to(
          next,
          new InterviewRescheduled(
              id,
              studentId,
              contact.contactId(),
              contact.displayName(),
              before.start(),
              agreed.start(),
              agreed.durationMinutes(),
              agreed.studentTimeZone(),
              agreed.contactTimeZone(),
              agreed.mode().name(),
              agreed.where(),
              agreed.sequence(),
              nextVersion()));
    }
    return to(
        next,
        new InterviewScheduled(
            id,
            studentId,
            contact.contactId(),
            contact.displayName(),
            agreed.start(),
            agreed.durationMinutes(),
            agreed.studentTimeZone(),
            agreed.contactTimeZone(),
            agreed.mode().name(),
            agreed.where(),
            agreed.sequence(),
            nextVersion()));
  }

  /**
   * A time that may be agreed: ahead, within a year, 15 to 60 minutes long. {@code field} prefixes
   * the names in the refusal ({@code times[1].}).
   */
  static void requireBookable(Instant start, int durationMinutes, String field, Instant now) {
    if (!start.isAfter(now)) {
      throw new InvalidFieldException(field + "start", "must be in the future");
    }
    if (start.isAfter(now.plus(LATEST_START))) {
      throw new InvalidFieldException(field + "start", "must be within a year from now");
    }
    requireLength(durationMinutes, field);
  }

  private static void requireLength(int durationMinutes, String field) {
    if (durationMinutes < Appointment.SHORTEST_MINUTES
        || durationMinutes > Appointment.LONGEST_MINUTES) {
      throw new InvalidFieldException(field + "durationMinutes", "must be from 15 to 60 minutes");
    }
  }

  /**
   * The conversation took place: a thank-you is due within 48 hours. Not before the agreed time has
   * begun.
   */
  Changed<Interview> complete(Instant now) {
    requireMove(InterviewStatus.COMPLETED, "completed");
    if (status != InterviewStatus.SCHEDULED || appointment == null) {
      throw new ConflictException(
          "NO_TIME_AGREED",
          "No time was agreed for this interview: record the conversation with the time it took"
              + " place instead.");
    }
    Appointment agreed = appointment;
    if (now.isBefore(agreed.start())) {
      throw new ConflictException(
          "NOT_YET_HELD",
          "The interview starts at " + agreed.start() + "; mark it done once it took place.");
    }
    Instant due = now.plus(THANK_YOU_WITHIN);
    Interview next =
        moved(InterviewStatus.COMPLETED, now)
            .withCompletedAt(now)
            .withThankYouDueAt(due)
            .withKeepInTouchDueAt(dueAfter(now));
    return to(
        next, new InterviewCompleted(id, studentId, contact.contactId(), now, due, nextVersion()));
  }

  /**
   * The conversation already took place, arranged outside the platform (a call, a chat at a career
   * fair): recorded as held at its time, so the 48 hours for the thank-you run from its end, which
   * may have passed. No invitation goes out for a time gone by.
   */
  Changed<Interview> held(Appointment slot, Instant now) {
    requireMove(InterviewStatus.COMPLETED, "recorded as held");
    if (status == InterviewStatus.SCHEDULED) {
      throw new ConflictException(
          "TIME_AGREED",
          "A time was agreed for this interview: mark it done once it took place, or move it.");
    }
    requireLength(slot.durationMinutes(), "");
    Instant end = slot.end();
    if (end.isAfter(now)) {
      throw new InvalidFieldException(
          "start", "must be in the past: record a conversation once it has ended");
    }
    if (slot.start().isBefore(now.minus(LATEST_START))) {
      throw new InvalidFieldException("start", "must be within the last year");
    }
    Instant due = end.plus(THANK_YOU_WITHIN);
    Interview next =
        moved(InterviewStatus.COMPLETED, now)
            .withAppointment(slot.numbered(0))
            .withFollowUpDueAt(null)
            .withCompletedAt(end)
            .withThankYouDueAt(due)
            .withKeepInTouchDueAt(dueAfter(end));
    return to(
        next, new InterviewCompleted(id, studentId, contact.contactId(), end, due, nextVersion()));
  }

  /** The student thanked the person; on time when sent within the 48 hours. */
  Changed<Interview> thank(ThankYouChannel channel, Instant sentAt, Instant now) {
    requireMove(InterviewStatus.THANKED, "thanked");
    if (sentAt.isAfter(now)) {
      throw new InvalidFieldException("sentAt", "must not be in the future");
    }
    Instant completed = Objects.requireNonNull(completedAt);
    if (sentAt.isBefore(completed)) {
      throw new InvalidFieldException("sentAt", "must not be before the interview was completed");
    }
    boolean onTime = !sentAt.isAfter(Objects.requireNonNull(thankYouDueAt));
    Interview next =
        moved(InterviewStatus.THANKED, now)
            .withThankYou(new ThankYou(channel, sentAt, onTime))
            .touched(new Interaction(InteractionKind.THANK_YOU, sentAt, channel.name(), false));
    return to(
        next,
        new ThankYouSent(
            id, studentId, contact.contactId(), channel.name(), sentAt, onTime, nextVersion()));
  }

  /** Called off before it took place, with the reason the person will read. */
  Changed<Interview> cancel(String reason, Instant now) {
    requireMove(InterviewStatus.CANCELLED, "cancelled");
    boolean wasScheduled = status == InterviewStatus.SCHEDULED;
    int sequence = appointment == null ? 0 : appointment.sequence() + 1;
    Interview next =
        moved(InterviewStatus.CANCELLED, now).withEndReason(reason).withFollowUpDueAt(null);
    return to(
        next,
        new InterviewCancelled(
            id,
            studentId,
            contact.contactId(),
            contact.displayName(),
            reason,
            wasScheduled,
            wasScheduled && appointment != null ? appointment.start() : null,
            sequence,
            now,
            nextVersion()));
  }

  /** The agreed time passed without the conversation. Only once it has ended. */
  Changed<Interview> noShow(Instant now) {
    requireMove(InterviewStatus.NO_SHOW, "marked as missed");
    Appointment agreed = Objects.requireNonNull(appointment);
    if (now.isBefore(agreed.end())) {
      throw new ConflictException(
          "NOT_YET_HELD",
          "The interview ends at " + agreed.end() + "; it can be marked as missed after that.");
    }
    return to(moved(InterviewStatus.NO_SHOW, now));
  }

  /** Nothing more to do. */
  Changed<Interview> close(Instant now) {
    requireMove(InterviewStatus.CLOSED, "closed");
    return to(moved(InterviewStatus.CLOSED, now));
  }

  /**
   * The student reaches out: the first request (PLANNED, or again after NO_RESPONSE, moves it to
   * REQUESTED) or a follow-up to an unanswered one (stays REQUESTED). By email it is a request the
   * platform delivers (OutreachRequested) with a link through which the person answers, and the
   * times the student offers (up to three; a follow-up without any keeps the earlier ones still
   * ahead); any other way it is logged (OutreachLogged). A follow-up becomes due {@code
   * followUpAfter} later.
   */
  Changed<Interview> reachOut(
      OutreachAttempt attempt,
      String studentName,
      @Nullable List<Appointment> offered,
      AnswerLinks.@Nullable Issued link,
      Duration followUpAfter,
      Instant now) {
    boolean followUp = status == InterviewStatus.REQUESTED;
    if (!followUp) {
      requireMove(InterviewStatus.REQUESTED, "requested");
    }
    OutreachAttempt logged =
        new OutreachAttempt(attempt.channel(), attempt.at(), attempt.message(), followUp);
    List<OutreachAttempt> all = new ArrayList<>(attempts);
    all.add(logged);
    Interview next =
        (followUp ? withUpdatedAt(now) : moved(InterviewStatus.REQUESTED, now))
            .withAttempts(all)
            .withFollowUpDueAt(attempt.at().plus(followUpAfter));
    if (attempt.channel() != OutreachChannel.EMAIL) {
      return to(
          next,
          new OutreachLogged(
              id,
              studentId,
              contact.contactId(),
              attempt.channel().name(),
              followUp,
              attempt.at(),
              nextVersion()));
    }
    AnswerLinks.Issued issued = Objects.requireNonNull(link, "a request by email has its link");
    List<Appointment> times;
    if (offered == null || offered.isEmpty()) {
      // The earlier offer, less the times that have passed meanwhile.
      times = offeredTimes.stream().filter(t -> t.start().isAfter(now)).toList();
    } else {
      times = offered;
      for (int i = 0; i < times.size(); i++) {
        Appointment time = times.get(i);
        requireBookable(time.start(), time.durationMinutes(), "times[" + i + "].", now);
      }
    }
    List<AnswerLink> links = new ArrayList<>(answerLinks);
    links.add(issued.link());
    next = next.withStudentName(studentName).withOfferedTimes(times).withAnswerLinks(links);
    return to(
        next,
        new OutreachRequested(
            id,
            studentId,
            studentName,
            contact.contactId(),
            Objects.requireNonNullElse(attempt.message(), ""),
            followUp,
            attempt.at(),
            issued.token(),
            issued.link().expiresAt(),
            times.stream()
                .map(t -> new ProposedTime(t.start(), t.durationMinutes(), t.mode().name()))
                .toList(),
            nextVersion()));
  }

  /** The last request the platform delivered by email; null when there was none. */
  @Nullable OutreachAttempt lastRequestByEmail() {
    for (int i = attempts.size() - 1; i >= 0; i--) {
      if (attempts.get(i).channel() == OutreachChannel.EMAIL) {
        return attempts.get(i);
      }
    }
    return null;
  }

  /** The link of this interview with that token id, if one was issued. */
  Optional<AnswerLink> answerLink(String tokenId) {
    return answerLinks.stream().filter(l -> l.tokenId().equals(tokenId)).findFirst();
  }

  /** Whether the person may answer: a request is waiting and they have not answered it. */
  boolean awaitsAnswer() {
    return status == InterviewStatus.REQUESTED
        && (answers.isEmpty() || answers.get(answers.size() - 1).at().isBefore(lastAskedAt()));
  }

  private Instant lastAskedAt() {
    return attempts.isEmpty() ? createdAt : attempts.get(attempts.size() - 1).at();
  }

  /**
   * The person answers the request: accepts one of the offered times (the interview is scheduled,
   * in the person's zone if they name one), proposes up to three others (the student picks one and
   * schedules it), or declines. Every open link is used up by it. Refused (409 NOT_WAITING) when no
   * request is waiting for an answer.
   *
   * @param time which offered time is accepted, from 0 (ACCEPTED)
   * @param proposals the times the person offers instead (PROPOSED)
   * @param contactTimeZone the person's IANA zone, if they name it
   */
  Changed<Interview> answered(
      Answer.Kind kind,
      @Nullable Integer time,
      List<Answer.TimeProposal> proposals,
      @Nullable String contactTimeZone,
      @Nullable String message,
      Answer.Via via,
      Instant now) {
    if (!awaitsAnswer()) {
      throw new ConflictException(
          "NOT_WAITING",
          status == InterviewStatus.REQUESTED
              ? "This request was already answered; the student will be in touch."
              : "This request is no longer waiting for an answer (it is " + status.name() + ").",
          Map.of("status", status.name()));
    }
    Changed<Interview> decided;
    @Nullable Instant acceptedStart = null;
    List<Answer.TimeProposal> proposed = List.of();
    switch (kind) {
      case ACCEPTED -> {
        if (offeredTimes.isEmpty()) {
          throw new InvalidFieldException(
              "answer", "the student offered no times; propose some (PROPOSED) instead");
        }
        if (time == null || time < 0 || time >= offeredTimes.size()) {
          throw new InvalidFieldException(
              "time", "must name one of the offered times: 0 to " + (offeredTimes.size() - 1));
        }
        Appointment chosen = offeredTimes.get(time);
        if (!chosen.start().isAfter(now)) {
          throw new ConflictException(
              "TIME_PASSED", "That time has passed; propose others (PROPOSED) instead.");
        }
        acceptedStart = chosen.start();
        decided =
            schedule(
                contactTimeZone == null ? chosen : chosen.withContactTimeZone(contactTimeZone),
                now);
      }
      case PROPOSED -> {
        if (proposals.isEmpty() || proposals.size() > 3) {
          throw new InvalidFieldException("times", "must offer one to three times");
        }
        for (int i = 0; i < proposals.size(); i++) {
          Answer.TimeProposal p = proposals.get(i);
          requireBookable(p.start(), p.durationMinutes(), "times[" + i + "].", now);
        }
        proposed = List.copyOf(proposals);
        decided = to(withUpdatedAt(now).withFollowUpDueAt(null));
      }
      case DECLINED -> decided = declined(message, now);
      default -> throw new IllegalStateException("Unknown answer " + kind);
    }
    List<Answer> all = new ArrayList<>(answers);
    all.add(new Answer(kind, message, acceptedStart, proposed, via, now));
    Interview next =
        decided
            .state()
            .withAnswers(all)
            .withAnswerLinks(answerLinks.stream().map(l -> l.used(now)).toList());
    List<IntegrationEvent> events = new ArrayList<>(decided.events());
    events.add(
        new RequestAnswered(
            id,
            studentId,
            contact.contactId(),
            contact.displayName(),
            kind.name(),
            message,
            acceptedStart,
            proposed.stream()
                .map(p -> new ProposedTime(p.start(), p.durationMinutes(), null))
                .toList(),
            via.name(),
            now,
            nextVersion()));
    return to(next, events.toArray(IntegrationEvent[]::new));
  }

  /** Whether this is the first ask of this round: the one a volunteer's capacity counts. */
  boolean asksAnew() {
    return status != InterviewStatus.REQUESTED;
  }

  /** The person never answered. */
  Changed<Interview> noResponse(Instant now) {
    requireMove(InterviewStatus.NO_RESPONSE, "marked as unanswered");
    return to(moved(InterviewStatus.NO_RESPONSE, now).withFollowUpDueAt(null));
  }

  /** The person said no (the student records it, with what they said if anything). */
  Changed<Interview> declined(@Nullable String reason, Instant now) {
    requireMove(InterviewStatus.DECLINED, "declined");
    return to(moved(InterviewStatus.DECLINED, now).withEndReason(reason).withFollowUpDueAt(null));
  }

  /** Follow-ups sent after the first request of this round. */
  long followUps() {
    return attempts.stream().filter(OutreachAttempt::followUp).count();
  }

  /** Whether to suggest giving up: two follow-ups went unanswered and the next is due. */
  boolean noResponseSuggested(Instant now) {
    return status == InterviewStatus.REQUESTED
        && followUps() >= FOLLOW_UPS_BEFORE_GIVING_UP
        && followUpDueAt != null
        && !now.isBefore(followUpDueAt);
  }

  /** The student's pitch and questions, replaced whole; before the conversation. Private. */
  Changed<Interview> prepared(Preparation prepared, Instant now) {
    if (!PREPARING.contains(status)) {
      throw new ConflictException(
          "ALREADY_HELD",
          "An interview that is "
              + status.name()
              + " is past preparing; write what you learned in its notes.",
          Map.of("status", status.name()));
    }
    return to(withPreparation(prepared).withUpdatedAt(now));
  }

  /**
   * The student's notes of the conversation, replaced whole; during the conversation or after it.
   * Private: no event.
   */
  Changed<Interview> noted(Notes written, Instant now) {
    requireConversed("noted");
    if (written.length() > NOTES_MOST_CHARACTERS) {
      throw new UnprocessableException(
          "Notes hold at most 65,536 characters; these have " + written.length() + ".",
          List.of(new FieldError("notes", "must be at most 65,536 characters in all")));
    }
    return to(withNotes(written).withUpdatedAt(now));
  }

  /**
   * The person suggested someone to talk to next: kept, and told to contacts-service, which adds
   * them to the student's contacts (ReferralCaptured).
   */
  Changed<Interview> referred(
      String name,
      @Nullable String organizationName,
      @Nullable String jobTitle,
      @Nullable String email,
      @Nullable String why,
      boolean mayUseName,
      Instant now) {
    requireConversed("given referrals");
    Referral referral =
        new Referral(
            id + "-" + (referrals.size() + 1),
            name,
            organizationName,
            jobTitle,
            email,
            why,
            mayUseName,
            now);
    List<Referral> all = new ArrayList<>(referrals);
    all.add(referral);
    return to(
        withReferrals(all).withUpdatedAt(now),
        new ReferralCaptured(
            referral.referralId(),
            id,
            studentId,
            contact.contactId(),
            name,
            email,
            organizationName,
            jobTitle));
  }

  /** One of this interview's referrals, to start the next interview from it. */
  Optional<ReferralSource> referralSource(String referralId) {
    return referrals.stream()
        .filter(r -> r.referralId().equals(referralId))
        .findFirst()
        .map(r -> new ReferralSource(id, r.referralId(), contact.displayName()));
  }

  private void requireConversed(String verb) {
    if (!CONVERSED.contains(status)) {
      throw new ConflictException(
          "NOT_YET_HELD",
          "An interview that is "
              + status.name()
              + " cannot be "
              + verb
              + "; notes and referrals come once a time is agreed.",
          Map.of("status", status.name()));
    }
  }

  /** The person's record was merged into another: the interview follows the survivor. */
  Changed<Interview> repointedTo(String survivorId, Instant now) {
    if (contact.contactId().equals(survivorId)) {
      return Changed.nothing(this);
    }
    return to(withContact(contact.withContactId(survivorId)).withUpdatedAt(now));
  }

  /**
   * The person may no longer be asked: a request still waiting is cancelled with the reason the
   * student reads (InterviewCancelled); if they said do-not-contact, a plan or an agreed time is
   * too. Anything else stays as it is.
   */
  Changed<Interview> consentWithdrawn(boolean doNotContact, Instant now) {
    boolean pending =
        status == InterviewStatus.REQUESTED
            || doNotContact
                && (status == InterviewStatus.PLANNED || status == InterviewStatus.SCHEDULED);
    if (!pending) {
      return Changed.nothing(this);
    }
    return cancel(
        contact.displayName()
            + (doNotContact
                ? " asked not to be contacted any more; the platform cancelled this interview."
                : " no longer takes requests through the platform; the platform cancelled this"
                    + " request."),
        now);
  }

  /**
   * The person's record was erased: whom the interview was with is forgotten (the student's own
   * notes stay theirs); a request or a time still open is cancelled.
   */
  Changed<Interview> contactErased(Instant now) {
    Interview anonymous =
        withContact(
                new ContactRef(
                    contact.contactId(),
                    contact.institutional(),
                    "Erased contact",
                    null,
                    null,
                    null))
            .withAnswers(answers.stream().map(Answer::withoutMessage).toList());
    if (status == InterviewStatus.DECLINED
        && answers.stream().anyMatch(a -> a.kind() == Answer.Kind.DECLINED)) {
      // The reason was the person's own words.
      anonymous = anonymous.withEndReason(null);
    }
    if (status == InterviewStatus.PLANNED
        || status == InterviewStatus.REQUESTED
        || status == InterviewStatus.SCHEDULED) {
      return anonymous.cancel("The person's record was erased.", now);
    }
    return to(anonymous.withUpdatedAt(now));
  }

  /**
   * The student was in touch again (a message, a call, a meeting): kept, and the keep-in-touch
   * cadence starts again from it. Only after the conversation.
   */
  Changed<Interview> inTouch(Interaction interaction, Instant now) {
    requireAfter("kept in touch with");
    return to(touched(interaction).withUpdatedAt(now));
  }

  /**
   * The student tells the person what came of their advice; sent through the platform it is
   * ReportBackSent, which notifications-service delivers.
   */
  Changed<Interview> reportedBack(String message, boolean send, String studentName, Instant now) {
    requireAfter("reported back on");
    Interview next =
        touched(new Interaction(InteractionKind.REPORT_BACK, now, message, send))
            .withUpdatedAt(now);
    if (!send) {
      return to(next);
    }
    return to(
        next,
        new ReportBackSent(
            id, studentId, studentName, contact.contactId(), message, now, nextVersion()));
  }

  /** A cadence of its own for this person (7 to 365 days), or none (null): no more reminders. */
  Changed<Interview> keepInTouchEvery(@Nullable Integer days, Instant now) {
    requireAfter("given a keep-in-touch cadence");
    if (days != null && (days < 7 || days > 365)) {
      throw new InvalidFieldException("everyDays", "must be from 7 to 365 days, or null to stop");
    }
    Instant last = lastTouch();
    return to(
        withKeepInTouchEveryDays(days)
            .withKeepInTouchDueAt(days == null ? null : last.plus(Duration.ofDays(days)))
            .withUpdatedAt(now));
  }

  private Interview touched(Interaction interaction) {
    List<Interaction> all = new ArrayList<>(interactions);
    all.add(interaction);
    Interview next = withInteractions(all);
    return next.withKeepInTouchDueAt(next.dueAfter(next.lastTouch()));
  }

  /** The last time the student was in touch: an interaction, or the conversation itself. */
  private Instant lastTouch() {
    Instant last = completedAt != null ? completedAt : updatedAt;
    for (Interaction interaction : interactions) {
      if (interaction.at().isAfter(last)) {
        last = interaction.at();
      }
    }
    return last;
  }

  private @Nullable Instant dueAfter(Instant from) {
    return keepInTouchEveryDays == null ? null : from.plus(Duration.ofDays(keepInTouchEveryDays));
  }

  private void requireAfter(String verb) {
    if (!AFTER.contains(status)) {
      throw new ConflictException(
          "NOT_YET_HELD",
          "An interview that is "
              + status.name()
              + " cannot be "
              + verb
              + "; that comes after the conversation.",
          Map.of("status", status.name()));
    }
  }

  /**
   * The new state with its facts, and, when what is due changed (a meeting, a follow-up, a
   * thank-you, keeping in touch, action items), the whole new set of due times
   * (InterviewDueDatesChanged), from which notifications-service reminds people.
   */
  private Changed<Interview> to(Interview next, IntegrationEvent... events) {
    List<IntegrationEvent> all = new ArrayList<>();
    for (IntegrationEvent event : events) {
      if (!(event instanceof InterviewDueDatesChanged)) {
        all.add(event);
      }
    }
    List<Object> due = next.dueDates();
    if (!due.equals(dueDates())) {
      all.add(next.dueDatesFact(nextVersion()));
    }
    return Changed.to(next, all.toArray(IntegrationEvent[]::new));
  }

  /** What is due, and for whom, as compared between states. */
  private List<Object> dueDates() {
    InterviewDueDatesChanged fact = dueDatesFact(0);
    return Arrays.asList(
        fact.contactId(),
        fact.contactDisplayName(),
        fact.meetingStartsAt(),
        fact.followUpDueAt(),
        fact.thankYouDueAt(),
        fact.keepInTouchDueAt(),
        fact.actionItemsDue());
  }

  private InterviewDueDatesChanged dueDatesFact(long version) {
    List<InterviewDueDatesChanged.ActionItemDue> items = new ArrayList<>();
    if (notes != null) {
      for (ActionItem item : notes.actionItems()) {
        if (!item.done() && item.dueOn() != null) {
          items.add(new InterviewDueDatesChanged.ActionItemDue(item.text(), item.dueOn()));
        }
      }
    }
    return new InterviewDueDatesChanged(
        id,
        studentId,
        contact.contactId(),
        contact.displayName(),
        status == InterviewStatus.SCHEDULED && appointment != null ? appointment.start() : null,
        status == InterviewStatus.REQUESTED ? followUpDueAt : null,
        status == InterviewStatus.COMPLETED ? thankYouDueAt : null,
        AFTER.contains(status) ? keepInTouchDueAt : null,
        items,
        version);
  }

  /** Whether a time is agreed that could clash with another. */
  boolean holdsTime() {
    return status == InterviewStatus.SCHEDULED && appointment != null;
  }

  /** The version a reader gets as its ETag. */
  long currentVersion() {
    return version == null ? 0 : version;
  }

  private long nextVersion() {
    return version == null ? 0 : version + 1;
  }

  private Interview moved(InterviewStatus to, Instant now) {
    List<Step> steps = new ArrayList<>(history);
    steps.add(new Step(to, now));
    return withStatus(to).withHistory(steps).withUpdatedAt(now);
  }

  private void requireMove(InterviewStatus to, String verb) {
    if (!status.allows(to)) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("status", status.name());
      details.put("allowed", status.next().stream().map(Enum::name).sorted().toList());
      throw new ConflictException(
          "ILLEGAL_TRANSITION",
          "An interview that is "
              + status.name()
              + " cannot be "
              + verb
              + (status.next().isEmpty()
                  ? "; it is closed."
                  : "; next it may be " + String.join(", ", allowedNames()) + "."),
          details);
    }
  }

  private List<String> allowedNames() {
    return status.next().stream().map(Enum::name).sorted().toList();
  }
}
