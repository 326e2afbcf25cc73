package org.infointerview.interviews.interview;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.infointerview.support.http.EntityTags;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A student's interviews. Each step is a {@code POST} on the interview ({@code /schedule}, {@code
 * /complete}, ...) answered with the interview as it now is; an {@code If-Match} with the ETag read
 * makes the step fail with 412 if the interview changed meanwhile. A step the interview's state
 * does not allow is a 409 naming the allowed ones.
 */
@RestController
@RequestMapping("/interviews")
@PreAuthorize("hasRole('STUDENT')")
@Validated
class InterviewController {

  private final InterviewService interviews;
  private final Clock clock;

  InterviewController(InterviewService interviews, Clock clock) {
    this.interviews = interviews;
    this.clock = clock;
  }

  @PostMapping
  @ApiResponse(responseCode = "201", description = "Planned; Location is its address")
  ResponseEntity<InterviewResponse> plan(
      CurrentUser student, @Valid @RequestBody PlanInterviewRequest request) {
    Interview interview = interviews.plan(student, request);
    return ResponseEntity.created(URI.create("/interviews/" + interview.id()))
        .eTag(EntityTags.of(interview.currentVersion()))
        .body(InterviewResponse.of(interview, clock.instant()));
  }

  @GetMapping
  List<InterviewResponse> mine(
      CurrentUser student,
      @RequestParam(required = false) @Nullable InterviewStatus status,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return interviews.mine(student, status, page, size).stream()
        .map(i -> InterviewResponse.of(i, clock.instant()))
        .toList();
  }

  @GetMapping("/{id}")
  ResponseEntity<InterviewResponse> get(CurrentUser student, @PathVariable String id) {
    return answer(interviews.own(student, id));
  }

  /** A first draft of the thank-you, from what the platform knows, with its warnings. */
  @PostMapping("/{id}/thank-you/draft")
  OutreachDraftResponse thankYouDraft(
      CurrentUser student,
      @PathVariable String id,
      @Valid @RequestBody ThankYouDraftRequest request) {
    return interviews.thankYouDraft(student, id, request);
  }

  /** A first draft of the request, from what the platform knows, with its warnings. */
  @PostMapping("/{id}/outreach/draft")
  OutreachDraftResponse draft(
      CurrentUser student,
      @PathVariable String id,
      @Valid @RequestBody OutreachDraftRequest request) {
    return interviews.draft(student, id, request);
  }

  /**
   * Reaches out: by email the platform delivers the message (the person's address stays hidden); a
   * call, a voicemail, LinkedIn or a meeting is logged. The first ask moves the interview to
   * REQUESTED; later ones are follow-ups. A volunteer who cannot be asked now is a 409 saying why
   * ({@code DO_NOT_CONTACT}, {@code NOT_OPTED_IN}, {@code PAUSED}, {@code CAPACITY_REACHED}).
   */
  @PostMapping("/{id}/outreach")
  ResponseEntity<OutreachResponse> reachOut(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody OutreachRequest request) {
    OutreachResponse reached = interviews.reachOut(student, id, read(ifMatch), request);
    return ResponseEntity.ok().eTag(EntityTags.of(reached.interview().version())).body(reached);
  }

  /** The person never answered. */
  @PostMapping("/{id}/no-response")
  ResponseEntity<InterviewResponse> noResponse(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    return answer(interviews.noResponse(student, id, read(ifMatch)));
  }

  /** The person said no. */
  @PostMapping("/{id}/declined")
  ResponseEntity<InterviewResponse> declined(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody DeclinedRequest request) {
    return answer(interviews.declined(student, id, read(ifMatch), request));
  }

  /**
   * Step 2, prepare: the 30-second introduction and the questions, replaced whole, with a career
   * counselor's warnings about each (never refusals).
   */
  @PutMapping("/{id}/preparation")
  PreparationResponse prepare(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody PreparationRequest request) {
    return interviews.prepare(student, id, read(ifMatch), request);
  }

  /** Step 6, keep in touch: a message, call or meeting after the conversation. */
  @PostMapping("/{id}/interactions")
  ResponseEntity<InterviewResponse> interaction(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody InteractionRequest request) {
    return answer(interviews.inTouch(student, id, read(ifMatch), request));
  }

  /** What came of the person's advice; with {@code send}, the platform delivers it to them. */
  @PostMapping("/{id}/report-backs")
  ResponseEntity<InterviewResponse> reportBack(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody ReportBackRequest request) {
    return answer(interviews.reportBack(student, id, read(ifMatch), request));
  }

  /** How often to be in touch with this person (7 to 365 days), or {@code null} to stop. */
  @PutMapping("/{id}/keep-in-touch")
  ResponseEntity<InterviewResponse> keepInTouch(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody KeepInTouchRequest request) {
    return answer(interviews.keepInTouch(student, id, read(ifMatch), request));
  }

  /** The notes of the conversation, replaced whole (during it or after). */
  @PutMapping("/{id}/notes")
  ResponseEntity<InterviewResponse> notes(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody NotesRequest request) {
    return answer(interviews.note(student, id, read(ifMatch), request));
  }

  /**
   * "Who else should I talk to?": a referral, which contacts-service adds to the student's
   * contacts; plan the next interview with {@code fromReferral} to keep the chain.
   */
  @PostMapping("/{id}/referrals")
  ResponseEntity<InterviewResponse> referral(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody ReferralRequest request) {
    return answer(interviews.refer(student, id, read(ifMatch), request));
  }

  /** Records the time agreed; again for a scheduled interview, it moves it (sequence + 1). */
  @PostMapping("/{id}/schedule")
  ResponseEntity<InterviewResponse> schedule(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody ScheduleRequest request) {
    return answer(interviews.schedule(student, id, read(ifMatch), request));
  }

  /**
   * A conversation arranged outside the platform already took place at the time given (in the past,
   * within the last year): recorded as held; the 48 hours for the thank-you run from its end.
   */
  @PostMapping("/{id}/held")
  ResponseEntity<InterviewResponse> held(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody ScheduleRequest request) {
    return answer(interviews.held(student, id, read(ifMatch), request));
  }

  /** The conversation took place: the 48 hours for the thank-you start. */
  @PostMapping("/{id}/complete")
  ResponseEntity<InterviewResponse> complete(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    return answer(interviews.complete(student, id, read(ifMatch)));
  }

  @PostMapping("/{id}/thank-you")
  ResponseEntity<InterviewResponse> thankYou(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody ThankYouRequest request) {
    return answer(interviews.thank(student, id, read(ifMatch), request));
  }

  @PostMapping("/{id}/cancel")
  ResponseEntity<InterviewResponse> cancel(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody CancelRequest request) {
    return answer(interviews.cancel(student, id, read(ifMatch), request));
  }

  /** The agreed time passed and the conversation did not take place. */
  @PostMapping("/{id}/no-show")
  ResponseEntity<InterviewResponse> noShow(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    return answer(interviews.noShow(student, id, read(ifMatch)));
  }

  @PostMapping("/{id}/close")
  ResponseEntity<InterviewResponse> close(
      CurrentUser student,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    return answer(interviews.close(student, id, read(ifMatch)));
  }

  private static @Nullable Long read(@Nullable String ifMatch) {
    return ifMatch == null ? null : EntityTags.required(ifMatch);
  }

  private ResponseEntity<InterviewResponse> answer(Interview interview) {
    return ResponseEntity.ok()
        .eTag(EntityTags.of(interview.currentVersion()))
        .body(InterviewResponse.of(interview, clock.instant()));
  }
}
