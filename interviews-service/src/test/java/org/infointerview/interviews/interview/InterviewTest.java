package org.infointerview.interviews.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.problem.UnprocessableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InterviewTest {

  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  private static final Instant TOMORROW_5PM = Instant.parse("2026-12-06T17:00:00Z");
  private static final ContactRef ADA =
      new ContactRef("c-1", true, "Ada Park", "Northwind Health", "Data Scientist", null);

  @Test
  void aPlannedInterviewBelongsToItsStudentAndSaysSo() {
    Changed<Interview> planned = planned();

    assertThat(planned.state().status()).isEqualTo(InterviewStatus.PLANNED);
    assertThat(planned.state().studentId()).isEqualTo("student-1");
    assertThat(steps(planned))
        .containsExactly(new InterviewPlanned("i-1", "student-1", "c-1", "HEALTH_SCIENCE", NOW, 0));
  }

  @Test
  void theFirstTimeAgreedIsScheduledAndANewOneIsARescheduleWithTheNextSequence() {
    Interview interview = stored(planned().state());

    Changed<Interview> scheduled = interview.schedule(slot(TOMORROW_5PM), NOW);
    Changed<Interview> moved =
        stored(scheduled.state()).schedule(slot(TOMORROW_5PM.plus(Duration.ofDays(1))), NOW);

    assertThat(scheduled.state().status()).isEqualTo(InterviewStatus.SCHEDULED);
    assertThat(steps(scheduled))
        .singleElement()
        .isInstanceOfSatisfying(
            InterviewScheduled.class,
            e -> {
              assertThat(e.start()).isEqualTo(TOMORROW_5PM);
              assertThat(e.sequence()).isZero();
              assertThat(e.studentTimeZone()).isEqualTo("America/Chicago");
              assertThat(e.contactTimeZone()).isEqualTo("America/New_York");
            });
    assertThat(moved.state().status()).isEqualTo(InterviewStatus.SCHEDULED);
    assertThat(steps(moved))
        .singleElement()
        .isInstanceOfSatisfying(
            InterviewRescheduled.class,
            e -> {
              assertThat(e.previousStart()).isEqualTo(TOMORROW_5PM);
              assertThat(e.sequence()).isEqualTo(1);
              assertThat(e.version()).isEqualTo(2);
            });
  }

  @Test
  void theSameTimeAgainChangesNothing() {
    Interview scheduled =
        stored(stored(planned().state()).schedule(slot(TOMORROW_5PM), NOW).state());

    Changed<Interview> again = scheduled.schedule(slot(TOMORROW_5PM), NOW);

    assertThat(again.changed()).isFalse();
    assertThat(steps(again)).isEmpty();
  }

  @Test
  void aTimeInThePastOrMoreThanAYearAheadOrOfTheWrongLengthIsRefusedByField() {
    Interview interview = stored(planned().state());

    assertThatThrownBy(() -> interview.schedule(slot(NOW.minusSeconds(60)), NOW))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("start"));
    assertThatThrownBy(() -> interview.schedule(slot(NOW.plus(Duration.ofDays(366))), NOW))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("within a year");
    for (int minutes : List.of(14, 61)) {
      assertThatThrownBy(() -> interview.schedule(slot(TOMORROW_5PM, minutes), NOW))
          .isInstanceOfSatisfying(
              InvalidFieldException.class,
              e -> assertThat(e.errors().get(0).field()).isEqualTo("durationMinutes"));
    }
  }

  @Test
  void anInterviewIsCompletedOnlyOnceItsTimeHasBegunAndTheThankYouIsDue48HoursLater() {
    Interview scheduled =
        stored(stored(planned().state()).schedule(slot(TOMORROW_5PM), NOW).state());

    assertThatThrownBy(() -> scheduled.complete(TOMORROW_5PM.minusSeconds(1)))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.reason()).isEqualTo("NOT_YET_HELD"));
    Instant after = TOMORROW_5PM.plus(Duration.ofMinutes(35));
    Changed<Interview> completed = scheduled.complete(after);

    assertThat(completed.state().thankYouDueAt()).isEqualTo(after.plus(Duration.ofHours(48)));
    assertThat(steps(completed))
        .containsExactly(
            new InterviewCompleted(
                "i-1", "student-1", "c-1", after, after.plus(Duration.ofHours(48)), 2));
  }

  @Test
  void aThankYouWithinTheHoursIsOnTimeAndOneAfterThemIsNot() {
    Instant after = TOMORROW_5PM.plus(Duration.ofMinutes(35));
    Interview completed = stored(completedAt(after));

    Changed<Interview> prompt =
        completed.thank(ThankYouChannel.EMAIL, after.plusSeconds(3600), after.plusSeconds(3600));
    Changed<Interview> late =
        completed.thank(
            ThankYouChannel.CARD,
            after.plus(Duration.ofHours(49)),
            after.plus(Duration.ofHours(50)));

    assertThat(prompt.state().status()).isEqualTo(InterviewStatus.THANKED);
    assertThat(((ThankYouSent) steps(prompt).get(0)).onTime()).isTrue();
    assertThat(((ThankYouSent) steps(late).get(0)).onTime()).isFalse();
    assertThatThrownBy(
            () ->
                completed.thank(
                    ThankYouChannel.EMAIL, after.plusSeconds(7200), after.plusSeconds(60)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("sentAt");
  }

  @Test
  void cancellingAScheduledInterviewTellsCalendarsTheNextSequence() {
    Interview scheduled =
        stored(stored(planned().state()).schedule(slot(TOMORROW_5PM), NOW).state());

    Changed<Interview> cancelled = scheduled.cancel("My exam moved to that day.", NOW);

    assertThat(cancelled.state().endReason()).isEqualTo("My exam moved to that day.");
    assertThat(steps(cancelled))
        .singleElement()
        .isInstanceOfSatisfying(
            InterviewCancelled.class,
            e -> {
              assertThat(e.wasScheduled()).isTrue();
              assertThat(e.sequence()).isEqualTo(1);
            });
  }

  @Test
  void aMissedInterviewIsMarkedOnlyAfterItsEndAndCanBeScheduledAgain() {
    Interview scheduled =
        stored(stored(planned().state()).schedule(slot(TOMORROW_5PM), NOW).state());

    assertThatThrownBy(() -> scheduled.noShow(TOMORROW_5PM.plusSeconds(60)))
        .isInstanceOf(ConflictException.class);
    Interview missed = stored(scheduled.noShow(TOMORROW_5PM.plus(Duration.ofHours(1))).state());
    Changed<Interview> again =
        missed.schedule(
            slot(TOMORROW_5PM.plus(Duration.ofDays(2))), TOMORROW_5PM.plus(Duration.ofHours(2)));

    assertThat(missed.status()).isEqualTo(InterviewStatus.NO_SHOW);
    assertThat(steps(again))
        .singleElement()
        .isInstanceOfSatisfying(
            InterviewScheduled.class, e -> assertThat(e.sequence()).isEqualTo(1));
  }

  @Test
  void anIllegalMoveIsAConflictNamingTheAllowedNextSteps() {
    Interview interview = stored(planned().state());

    assertThatThrownBy(() -> interview.noShow(NOW))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("ILLEGAL_TRANSITION");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "An interview that is PLANNED cannot be marked as missed; next it may be"
                          + " CANCELLED, COMPLETED, REQUESTED, SCHEDULED.");
              assertThat(e.details().get("allowed"))
                  .isEqualTo(List.of("CANCELLED", "COMPLETED", "REQUESTED", "SCHEDULED"));
            });
    assertThatThrownBy(() -> interview.complete(NOW))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.reason()).isEqualTo("NO_TIME_AGREED"));
  }

  @Test
  void aConversationArrangedElsewhereIsRecordedAsHeldAtItsTimeWithoutAnInvitation() {
    Interview interview = stored(planned().state());
    Instant yesterday = NOW.minus(Duration.ofDays(1));

    Changed<Interview> held = interview.held(slot(yesterday), NOW);

    Instant end = yesterday.plus(Duration.ofMinutes(30));
    assertThat(held.state().status()).isEqualTo(InterviewStatus.COMPLETED);
    assertThat(held.state().appointment().start()).isEqualTo(yesterday);
    assertThat(held.state().completedAt()).isEqualTo(end);
    assertThat(held.state().thankYouDueAt()).isEqualTo(end.plus(Duration.ofHours(48)));
    assertThat(held.state().followUpDueAt()).isNull();
    assertThat(steps(held))
        .containsExactly(
            new InterviewCompleted(
                "i-1", "student-1", "c-1", end, end.plus(Duration.ofHours(48)), 1));
  }

  @Test
  void aConversationIsRecordedAsHeldOnlyOnceItEndedWithinTheYearAndWithoutATimeAgreed() {
    Interview interview = stored(planned().state());

    assertThatThrownBy(() -> interview.held(slot(NOW.minus(Duration.ofMinutes(10))), NOW))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("start"));
    assertThatThrownBy(() -> interview.held(slot(NOW.minus(Duration.ofDays(400))), NOW))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> assertThat(e.errors().get(0).reason()).isEqualTo("must be within the last year"));
    Interview scheduled = stored(interview.schedule(slot(TOMORROW_5PM), NOW).state());
    assertThatThrownBy(() -> scheduled.held(slot(NOW.minus(Duration.ofDays(1))), NOW))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.reason()).isEqualTo("TIME_AGREED"));
  }

  @Test
  void theFirstEmailIsARequestTheNextAreFollowUpsAndACallIsLogged() {
    Interview planned = stored(planned().state());

    Changed<Interview> asked =
        planned.reachOut(
            email(NOW, "Dear Ada, I found your name..."), "Sam", null, link(NOW), WEEK, NOW);
    Interview requested = stored(asked.state());
    Changed<Interview> called =
        requested.reachOut(
            new OutreachAttempt(OutreachChannel.PHONE, NOW.plus(WEEK), "voicemail", false),
            "Sam",
            null,
            null,
            WEEK,
            NOW.plus(WEEK));

    assertThat(planned.asksAnew()).isTrue();
    assertThat(requested.status()).isEqualTo(InterviewStatus.REQUESTED);
    assertThat(requested.asksAnew()).as("a follow-up is no new ask").isFalse();
    assertThat(requested.followUpDueAt()).isEqualTo(NOW.plus(WEEK));
    assertThat(steps(asked))
        .containsExactly(
            new OutreachRequested(
                "i-1",
                "student-1",
                "Sam",
                "c-1",
                "Dear Ada, I found your name...",
                false,
                NOW,
                "token-" + NOW,
                NOW.plus(Duration.ofDays(14)),
                List.of(),
                1));
    assertThat(called.state().status()).isEqualTo(InterviewStatus.REQUESTED);
    assertThat(called.state().followUps()).isEqualTo(1);
    assertThat(steps(called))
        .containsExactly(
            new OutreachLogged("i-1", "student-1", "c-1", "PHONE", true, NOW.plus(WEEK), 2));
  }

  @Test
  void afterTwoUnansweredFollowUpsGivingUpIsSuggestedOnceTheNextIsDue() {
    Interview interview =
        stored(
            stored(planned().state())
                .reachOut(email(NOW, "x"), "Sam", null, link(NOW), WEEK, NOW)
                .state());
    for (int week = 1; week <= 2; week++) {
      Instant at = NOW.plus(WEEK.multipliedBy(week));
      interview =
          stored(
              interview
                  .reachOut(email(at, "following up"), "Sam", null, link(at), WEEK, at)
                  .state());
    }
    Instant lastDue = interview.followUpDueAt();

    assertThat(interview.noResponseSuggested(lastDue.minusSeconds(1))).isFalse();
    assertThat(interview.noResponseSuggested(lastDue)).isTrue();
    Interview unanswered = stored(interview.noResponse(lastDue).state());
    assertThat(unanswered.status()).isEqualTo(InterviewStatus.NO_RESPONSE);
    assertThat(unanswered.followUpDueAt()).isNull();
    assertThat(unanswered.asksAnew()).as("a new round asks anew").isTrue();
  }

  @Test
  void aDeclineIsRecordedOnlyForARequestAndKeepsWhatThePersonSaid() {
    Interview planned = stored(planned().state());
    Interview requested =
        stored(planned.reachOut(email(NOW, "x"), "Sam", null, link(NOW), WEEK, NOW).state());

    assertThatThrownBy(() -> planned.declined(null, NOW)).isInstanceOf(ConflictException.class);
    Interview declined = requested.declined("Traveling until March.", NOW).state();
    assertThat(declined.status()).isEqualTo(InterviewStatus.DECLINED);
    assertThat(declined.endReason()).isEqualTo("Traveling until March.");
  }

  @Test
  void notesAndReferralsComeOnceATimeIsAgreedAndEachReferralIsToldToContacts() {
    Interview planned = stored(planned().state());
    Interview scheduled = stored(planned.schedule(slot(TOMORROW_5PM), NOW).state());
    Notes notes = new Notes("<b>Data</b> work is 60 % cleaning.", null, null, List.of(), true, NOW);

    assertThatThrownBy(() -> planned.noted(notes, NOW))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.reason()).isEqualTo("NOT_YET_HELD"));
    Interview noted = stored(scheduled.noted(notes, NOW).state());
    Changed<Interview> referred =
        noted.referred(
            "Tomás Okafor",
            "Northwind Health",
            "Lead",
            "tomas@example.org",
            "Knows HL7",
            true,
            NOW);

    assertThat(noted.notes().learned()).isEqualTo("<b>Data</b> work is 60 % cleaning.");
    assertThat(referred.state().referrals())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.referralId()).isEqualTo("i-1-1");
              assertThat(r.mayUseName()).isTrue();
            });
    assertThat(steps(referred))
        .containsExactly(
            new ReferralCaptured(
                "i-1-1",
                "i-1",
                "student-1",
                "c-1",
                "Tomás Okafor",
                "tomas@example.org",
                "Northwind Health",
                "Lead"));
    assertThat(referred.state().referralSource("i-1-1"))
        .contains(new ReferralSource("i-1", "i-1-1", "Ada Park"));
  }

  @Test
  void notesOverSixtyFourThousandCharactersAreRefusedWhole() {
    Interview scheduled =
        stored(stored(planned().state()).schedule(slot(TOMORROW_5PM), NOW).state());
    Notes tooMuch = new Notes("x".repeat(40_000), "y".repeat(25_537), null, List.of(), null, NOW);

    assertThatThrownBy(() -> scheduled.noted(tooMuch, NOW))
        .isInstanceOf(UnprocessableException.class)
        .hasMessageContaining("65,536");
    Notes justEnough =
        new Notes("x".repeat(40_000), "y".repeat(25_536), null, List.of(), null, NOW);
    assertThat(scheduled.noted(justEnough, NOW).changed()).isTrue();
  }

  @Test
  void aWithdrawnConsentCancelsAWaitingRequestAndDoNotContactEveryOpenStep() {
    Interview planned = stored(planned().state());
    Interview requested =
        stored(planned.reachOut(email(NOW, "x"), "Sam", null, link(NOW), WEEK, NOW).state());
    Interview scheduled = stored(planned.schedule(slot(TOMORROW_5PM), NOW).state());

    Changed<Interview> withdrawn = requested.consentWithdrawn(false, NOW);

    assertThat(withdrawn.state().status()).isEqualTo(InterviewStatus.CANCELLED);
    assertThat(withdrawn.state().endReason()).contains("Ada Park").contains("no longer takes");
    assertThat(steps(withdrawn)).hasOnlyElementsOfType(InterviewCancelled.class);
    assertThat(planned.consentWithdrawn(false, NOW).changed()).isFalse();
    assertThat(scheduled.consentWithdrawn(false, NOW).changed())
        .as("an agreed time stands when they only stop taking new requests")
        .isFalse();
    assertThat(scheduled.consentWithdrawn(true, NOW).state().status())
        .isEqualTo(InterviewStatus.CANCELLED);
    assertThat(planned.consentWithdrawn(true, NOW).state().endReason())
        .contains("asked not to be contacted");
  }

  @Test
  void anErasedPersonIsForgottenAndAMergedOneFollowed() {
    Interview scheduled =
        stored(stored(planned().state()).schedule(slot(TOMORROW_5PM), NOW).state());

    Changed<Interview> erased = scheduled.contactErased(NOW);
    Changed<Interview> merged = scheduled.repointedTo("c-9", NOW);

    assertThat(erased.state().contact().displayName()).isEqualTo("Erased contact");
    assertThat(erased.state().contact().organizationName()).isNull();
    assertThat(erased.state().status()).isEqualTo(InterviewStatus.CANCELLED);
    assertThat(merged.state().contact().contactId()).isEqualTo("c-9");
    assertThat(merged.state().contact().displayName()).isEqualTo("Ada Park");
    assertThat(merged.state().repointedTo("c-9", NOW).changed()).isFalse();
  }

  @Test
  void keepingInTouchStartsAtCompletionAndEveryContactStartsTheCadenceAgain() {
    Instant after = TOMORROW_5PM.plus(Duration.ofMinutes(35));
    Interview completed = stored(completedAt(after));
    assertThat(completed.keepInTouchDueAt()).isEqualTo(after.plus(Duration.ofDays(90)));

    Interview thanked =
        stored(
            completed
                .thank(ThankYouChannel.EMAIL, after.plusSeconds(3600), after.plusSeconds(3600))
                .state());
    assertThat(thanked.keepInTouchDueAt())
        .isEqualTo(after.plusSeconds(3600).plus(Duration.ofDays(90)));

    Instant later = after.plus(Duration.ofDays(30));
    Interview called =
        stored(
            thanked
                .inTouch(
                    new Interaction(InteractionKind.CALL, later, "Asked about SQL", false), later)
                .state());
    assertThat(called.keepInTouchDueAt()).isEqualTo(later.plus(Duration.ofDays(90)));

    Interview monthly = stored(called.keepInTouchEvery(30, later).state());
    assertThat(monthly.keepInTouchDueAt()).isEqualTo(later.plus(Duration.ofDays(30)));
    assertThat(monthly.keepInTouchEvery(null, later).state().keepInTouchDueAt()).isNull();
    assertThatThrownBy(() -> monthly.keepInTouchEvery(3, later))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> stored(planned().state()).keepInTouchEvery(30, NOW))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aReportBackSentThroughThePlatformIsToldAndOneKeptForOneselfIsNot() {
    Interview completed = stored(completedAt(TOMORROW_5PM.plus(Duration.ofMinutes(35))));
    Instant later = TOMORROW_5PM.plus(Duration.ofDays(60));

    Changed<Interview> sent = completed.reportedBack("I took the course.", true, "Sam", later);
    Changed<Interview> kept = completed.reportedBack("Note to self.", false, "Sam", later);

    assertThat(steps(sent))
        .containsExactly(
            new ReportBackSent("i-1", "student-1", "Sam", "c-1", "I took the course.", later, 4));
    assertThat(steps(kept)).isEmpty();
    assertThat(kept.state().interactions())
        .singleElement()
        .satisfies(i -> assertThat(i.sentThroughPlatform()).isFalse());
  }

  private static final Duration WEEK = Duration.ofDays(7);

  private static OutreachAttempt email(Instant at, String message) {
    return new OutreachAttempt(OutreachChannel.EMAIL, at, message, false);
  }

  /** The facts of a step, less the due dates it changed (aDueDateChangeIsToldWithTheWholeSet). */
  private static List<IntegrationEvent> steps(Changed<Interview> changed) {
    return changed.events().stream().filter(e -> !(e instanceof InterviewDueDatesChanged)).toList();
  }

  private static InterviewDueDatesChanged dueDates(Changed<Interview> changed) {
    return changed.events().stream()
        .filter(InterviewDueDatesChanged.class::isInstance)
        .map(InterviewDueDatesChanged.class::cast)
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no InterviewDueDatesChanged in " + changed.events()));
  }

  @Test
  void aDueDateChangeIsToldWithTheWholeSetAndAStepThatChangesNoneIsNot() {
    Interview planned = stored(planned().state());
    Changed<Interview> asked =
        planned.reachOut(email(NOW, "Dear Ada"), "Sam", null, link(NOW), WEEK, NOW);
    Changed<Interview> scheduled = stored(asked.state()).schedule(slot(TOMORROW_5PM), NOW);
    Instant held = TOMORROW_5PM.plus(Duration.ofMinutes(35));
    Changed<Interview> completed = stored(scheduled.state()).complete(held);
    Changed<Interview> noted =
        stored(completed.state())
            .noted(
                new Notes(
                    "x",
                    null,
                    null,
                    List.of(
                        new ActionItem("Take the SQL course", LocalDate.of(2027, 1, 31), false),
                        new ActionItem("Read the blog", null, false),
                        new ActionItem("Done already", LocalDate.of(2026, 12, 1), true)),
                    true,
                    held),
                held);
    Changed<Interview> thanked = stored(noted.state()).thank(ThankYouChannel.EMAIL, held, held);

    assertThat(dueDates(asked).followUpDueAt()).isEqualTo(NOW.plus(WEEK));
    assertThat(dueDates(asked).contactDisplayName()).isEqualTo("Ada Park");
    assertThat(dueDates(scheduled).followUpDueAt()).as("the wait ended").isNull();
    assertThat(dueDates(scheduled).meetingStartsAt()).isEqualTo(TOMORROW_5PM);
    assertThat(dueDates(completed).meetingStartsAt()).isNull();
    assertThat(dueDates(completed).thankYouDueAt()).isEqualTo(held.plus(Duration.ofHours(48)));
    assertThat(dueDates(completed).keepInTouchDueAt()).isEqualTo(held.plus(Duration.ofDays(90)));
    assertThat(dueDates(completed).version()).isEqualTo(3);
    assertThat(dueDates(noted).actionItemsDue())
        .containsExactly(
            new InterviewDueDatesChanged.ActionItemDue(
                "Take the SQL course", LocalDate.of(2027, 1, 31)));
    assertThat(dueDates(noted).thankYouDueAt()).as("the whole set each time").isNotNull();
    assertThat(dueDates(thanked).thankYouDueAt()).isNull();
    assertThat(
            stored(noted.state())
                .referred("Tomás Okafor", null, null, null, null, true, held)
                .events())
        .as("nothing due changed")
        .singleElement()
        .isInstanceOf(ReferralCaptured.class);
  }

  /** A link as AnswerLinks issues one, named after when. */
  private static AnswerLinks.Issued link(Instant at) {
    return new AnswerLinks.Issued(
        "token-" + at, new AnswerLink("t-" + at, "c-1", at.plus(Duration.ofDays(14)), null));
  }

  /** Asked by email at NOW, offering these times. */
  private static Interview requestedOffering(Appointment... times) {
    return stored(
        stored(planned().state())
            .reachOut(email(NOW, "Dear Ada"), "Sam", List.of(times), link(NOW), WEEK, NOW)
            .state());
  }

  @Test
  void aRequestByEmailCarriesItsLinkAndTheOfferedTimesAndAFollowUpKeepsThem() {
    Instant nextWeek = TOMORROW_5PM.plus(Duration.ofDays(8));
    Interview requested = requestedOffering(slot(TOMORROW_5PM), slot(nextWeek, 45));
    Instant later = NOW.plus(WEEK);

    Changed<Interview> followedUp =
        requested.reachOut(email(later, "Following up"), "Sam", null, link(later), WEEK, later);

    assertThat(requested.studentName()).isEqualTo("Sam");
    assertThat(requested.answerLinks()).extracting(AnswerLink::tokenId).containsExactly("t-" + NOW);
    assertThat(requested.awaitsAnswer()).isTrue();
    assertThat(followedUp.state().offeredTimes())
        .as("the time that passed meanwhile is no longer offered")
        .containsExactly(slot(nextWeek, 45));
    assertThat(followedUp.state().answerLinks()).hasSize(2);
    assertThat(steps(followedUp))
        .singleElement()
        .isInstanceOfSatisfying(
            OutreachRequested.class,
            e -> {
              assertThat(e.answerToken()).isEqualTo("token-" + later);
              assertThat(e.followUp()).isTrue();
              assertThat(e.proposedTimes())
                  .containsExactly(new ProposedTime(nextWeek, 45, "VIDEO"));
            });
  }

  @Test
  void anOfferedTimeInThePastIsRefusedByItsPlace() {
    Interview planned = stored(planned().state());

    assertThatThrownBy(
            () ->
                planned.reachOut(
                    email(NOW, "x"),
                    "Sam",
                    List.of(slot(TOMORROW_5PM), slot(NOW.minusSeconds(60))),
                    link(NOW),
                    WEEK,
                    NOW))
        .isInstanceOfSatisfying(
            InvalidFieldException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("times[1].start"));
  }

  @Test
  void thePersonAcceptsAnOfferedTimeInTheirZoneAndEveryLinkIsUsedUp() {
    Interview requested =
        requestedOffering(slot(TOMORROW_5PM), slot(TOMORROW_5PM.plus(Duration.ofDays(1))));

    Changed<Interview> accepted =
        requested.answered(
            Answer.Kind.ACCEPTED,
            1,
            List.of(),
            "Europe/Berlin",
            "Looking forward to it.",
            Answer.Via.LINK,
            NOW);

    Interview scheduled = accepted.state();
    assertThat(scheduled.status()).isEqualTo(InterviewStatus.SCHEDULED);
    assertThat(scheduled.appointment().start()).isEqualTo(TOMORROW_5PM.plus(Duration.ofDays(1)));
    assertThat(scheduled.appointment().contactTimeZone()).isEqualTo("Europe/Berlin");
    assertThat(scheduled.answerLinks()).allSatisfy(l -> assertThat(l.usedAt()).isEqualTo(NOW));
    assertThat(scheduled.answers())
        .singleElement()
        .satisfies(a -> assertThat(a.acceptedStart()).isEqualTo(scheduled.appointment().start()));
    assertThat(steps(accepted)).hasSize(2);
    assertThat(steps(accepted).get(0)).isInstanceOf(InterviewScheduled.class);
    assertThat(steps(accepted).get(1))
        .isEqualTo(
            new RequestAnswered(
                "i-1",
                "student-1",
                "c-1",
                "Ada Park",
                "ACCEPTED",
                "Looking forward to it.",
                TOMORROW_5PM.plus(Duration.ofDays(1)),
                List.of(),
                "LINK",
                NOW,
                2));
    assertThatThrownBy(
            () ->
                stored(scheduled)
                    .answered(
                        Answer.Kind.DECLINED, null, List.of(), null, null, Answer.Via.LINK, NOW))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.reason()).isEqualTo("NOT_WAITING"));
  }

  @Test
  void otherTimesWaitForTheStudentAndANewRequestMayBeAnsweredAgain() {
    Interview requested = requestedOffering(slot(TOMORROW_5PM));
    Instant theirs = TOMORROW_5PM.plus(Duration.ofDays(2));

    Interview proposed =
        stored(
            requested
                .answered(
                    Answer.Kind.PROPOSED,
                    null,
                    List.of(new Answer.TimeProposal(theirs, 20)),
                    null,
                    "Thursdays suit me.",
                    Answer.Via.ACCOUNT,
                    NOW)
                .state());
    Instant later = NOW.plus(Duration.ofDays(1));
    Interview askedAgain =
        stored(
            proposed
                .reachOut(email(later, "Does Friday work?"), "Sam", null, link(later), WEEK, later)
                .state());

    assertThat(proposed.status()).isEqualTo(InterviewStatus.REQUESTED);
    assertThat(proposed.followUpDueAt()).as("the student owes the next step").isNull();
    assertThat(proposed.awaitsAnswer()).isFalse();
    assertThat(proposed.answers().get(0).proposedTimes())
        .containsExactly(new Answer.TimeProposal(theirs, 20));
    assertThat(askedAgain.awaitsAnswer()).isTrue();
    assertThat(askedAgain.answerLinks().get(1).usedAt()).isNull();
  }

  @Test
  void aDeclineEndsTheRequestAndAnErasureForgetsThePersonsWords() {
    Interview requested = requestedOffering();

    Interview declined =
        stored(
            requested
                .answered(
                    Answer.Kind.DECLINED,
                    null,
                    List.of(),
                    null,
                    "Traveling until March.",
                    Answer.Via.LINK,
                    NOW)
                .state());
    Interview erased = declined.contactErased(NOW).state();

    assertThat(declined.status()).isEqualTo(InterviewStatus.DECLINED);
    assertThat(declined.endReason()).isEqualTo("Traveling until March.");
    assertThat(erased.answers()).singleElement().satisfies(a -> assertThat(a.message()).isNull());
    assertThat(erased.endReason()).isNull();
  }

  @Test
  void anAnswerThatCannotBeTakenIsRefusedByField() {
    Interview withoutTimes = requestedOffering();
    Interview withOne = requestedOffering(slot(TOMORROW_5PM));

    assertThat(
            fieldOf(
                () ->
                    withoutTimes.answered(
                        Answer.Kind.ACCEPTED, 0, List.of(), null, null, Answer.Via.LINK, NOW)))
        .isEqualTo("answer");
    assertThat(
            fieldOf(
                () ->
                    withOne.answered(
                        Answer.Kind.ACCEPTED, 1, List.of(), null, null, Answer.Via.LINK, NOW)))
        .isEqualTo("time");
    assertThat(
            fieldOf(
                () ->
                    withOne.answered(
                        Answer.Kind.PROPOSED, null, List.of(), null, null, Answer.Via.LINK, NOW)))
        .isEqualTo("times");
    assertThat(
            fieldOf(
                () ->
                    withOne.answered(
                        Answer.Kind.PROPOSED,
                        null,
                        List.of(new Answer.TimeProposal(TOMORROW_5PM, 90)),
                        null,
                        null,
                        Answer.Via.LINK,
                        NOW)))
        .isEqualTo("times[0].durationMinutes");
    assertThatThrownBy(
            () ->
                withOne.answered(
                    Answer.Kind.ACCEPTED,
                    0,
                    List.of(),
                    null,
                    null,
                    Answer.Via.LINK,
                    TOMORROW_5PM.plusSeconds(1)))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.reason()).isEqualTo("TIME_PASSED"));
    assertThatThrownBy(
            () ->
                stored(planned().state())
                    .answered(
                        Answer.Kind.DECLINED, null, List.of(), null, null, Answer.Via.LINK, NOW))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.reason()).isEqualTo("NOT_WAITING"));
  }

  private static String fieldOf(ThrowingCallable call) {
    try {
      call.call();
    } catch (InvalidFieldException e) {
      return e.errors().get(0).field();
    } catch (Throwable other) {
      throw new AssertionError("expected a refused field, got " + other, other);
    }
    throw new AssertionError("expected a refused field");
  }

  @ParameterizedTest
  @EnumSource(InterviewStatus.class)
  void aClosedInterviewGoesNowhereAndEveryOtherStateCanBeClosedOrMovesOn(InterviewStatus status) {
    if (status == InterviewStatus.CLOSED) {
      assertThat(status.next()).isEmpty();
    } else {
      assertThat(status.next()).isNotEmpty();
    }
  }

  private static Changed<Interview> planned() {
    return Interview.plan(
        "i-1", "student-1", ADA, "HEALTH_SCIENCE", "How do I get into health data?", null, NOW);
  }

  private static Interview completedAt(Instant when) {
    return stored(
        stored(stored(planned().state()).schedule(slot(TOMORROW_5PM), NOW).state())
            .complete(when)
            .state());
  }

  /** As the store gives it back: one version more. */
  private static Interview stored(Interview interview) {
    return interview.withVersion(interview.version() == null ? 0 : interview.version() + 1);
  }

  private static Appointment slot(Instant start) {
    return slot(start, 30);
  }

  private static Appointment slot(Instant start, int minutes) {
    return new Appointment(
        start,
        minutes,
        "America/Chicago",
        "America/New_York",
        MeetingMode.VIDEO,
        "https://meet.example.org/x",
        0);
  }
}
