package org.infointerview.interviews.sharing;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.infointerview.support.audit.AuditEntry;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A student shares an interview, or all, with an advisor and stops when they like, and reads who
 * saw their records; an advisor lists and reads what is shared with them.
 */
@RestController
class SharingController {

  record AdvisorResponse(String id, String displayName) {}

  /**
   * @param interviewId the interview shared; null: all of the student's
   */
  record ShareResponse(
      String id,
      String advisorId,
      String advisorName,
      @Nullable String interviewId,
      Instant sharedAt) {

    static ShareResponse of(Share s) {
      return new ShareResponse(
          s.id(), s.advisorId(), s.advisorName(), s.interviewId(), s.sharedAt());
    }
  }

  /** A record of someone else's access to the student's records: who, what, when, why. */
  record RecordRead(
      Instant at,
      String actorId,
      List<String> actorRoles,
      String action,
      String resourceType,
      String resourceId,
      String purpose) {

    static RecordRead of(AuditEntry e) {
      return new RecordRead(
          e.at(),
          e.actorId(),
          e.actorRoles(),
          e.action(),
          e.resourceType(),
          e.resourceId(),
          e.purpose());
    }
  }

  private final Sharing sharing;

  SharingController(Sharing sharing) {
    this.sharing = sharing;
  }

  /** The advisors a student may share with. */
  @GetMapping("/advisors")
  @PreAuthorize("hasRole('STUDENT')")
  List<AdvisorResponse> advisors() {
    return sharing.advisors().stream()
        .map(a -> new AdvisorResponse(a.id(), a.displayName()))
        .toList();
  }

  @GetMapping("/me/shares")
  @PreAuthorize("hasRole('STUDENT')")
  List<ShareResponse> mine(CurrentUser student) {
    return sharing.mine(student).stream().map(ShareResponse::of).toList();
  }

  @PostMapping("/me/shares")
  @PreAuthorize("hasRole('STUDENT')")
  @ResponseStatus(HttpStatus.CREATED)
  ShareResponse share(CurrentUser student, @Valid @RequestBody ShareRequest request) {
    return ShareResponse.of(sharing.share(student, request));
  }

  @DeleteMapping("/me/shares/{id}")
  @PreAuthorize("hasRole('STUDENT')")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void stop(CurrentUser student, @PathVariable String id) {
    sharing.stop(student, id);
  }

  /** Who else saw the student's records, newest first (the latest 100). */
  @GetMapping("/me/record-reads")
  @PreAuthorize("hasRole('STUDENT')")
  List<RecordRead> reads(CurrentUser student) {
    return sharing.readsOf(student).stream().map(RecordRead::of).toList();
  }

  /** What students shared with this advisor: where each interview stands, without notes. */
  @GetMapping("/shared")
  @PreAuthorize("hasRole('ADVISOR')")
  List<Sharing.SharedWithMe> shared(CurrentUser advisor) {
    return sharing.sharedWith(advisor);
  }

  /** One shared interview with its preparation and notes; the read is recorded. */
  @GetMapping("/shared/{interviewId}")
  @PreAuthorize("hasRole('ADVISOR')")
  Sharing.SharedWithMe read(CurrentUser advisor, @PathVariable String interviewId) {
    return sharing.read(advisor, interviewId);
  }
}
