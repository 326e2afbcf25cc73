package org.infointerview.contacts.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.validation.PlainText;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's erasure across the platform: an admin acting on a request ({@code POST
 * /people/erasures}), or an alumnus asking for their own record to go ({@code POST /me/erasure}).
 * The profile becomes the erasure's tombstone and PersonErased goes out with it; every service,
 * this one too, then removes what it holds (202: under way). The audit names the erasure's
 * reference, never the person.
 */
@RestController
class PersonErasureController {

  private final UserProfiles profiles;
  private final AuditLog audit;
  private final Clock clock;

  PersonErasureController(UserProfiles profiles, AuditLog audit, Clock clock) {
    this.profiles = profiles;
    this.audit = audit;
    this.clock = clock;
  }

  /** What an erasure answers: its reference, which the audit of every service names. */
  record Erasure(String reference, Instant requestedAt) {}

  /** An optional reason, from a person erasing themself. */
  record OwnErasureRequest(@Nullable @Size(max = 500) @PlainText(lines = true) String reason) {}

  @PostMapping("/people/erasures")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<Erasure> erase(
      CurrentUser admin, @Valid @RequestBody PersonErasureRequest request) {
    String userId =
        request.userId() != null && !request.userId().isBlank()
            ? request.userId().strip()
            : profiles
                .withAddress(request.email())
                .orElseThrow(
                    () ->
                        new NotFoundException(
                            "Nobody signed in with that address; an alumnus who never signed in"
                                + " is erased as a contact (DELETE /contacts/{id})."));
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(erasure(admin, userId, request.reason(), "erasure requested of an admin"));
  }

  @PostMapping("/me/erasure")
  @PreAuthorize("hasRole('ALUMNUS')")
  ResponseEntity<Erasure> eraseMe(
      CurrentUser alumnus, @Valid @RequestBody(required = false) @Nullable OwnErasureRequest body) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(
            erasure(
                alumnus,
                alumnus.id(),
                body == null ? null : body.reason(),
                "the alumnus asked for their record to be removed"));
  }

  private Erasure erasure(
      CurrentUser actor, String userId, @Nullable String reason, String grounds) {
    String reference = "erasure-" + UUID.randomUUID();
    profiles.erase(userId, reference);
    audit.record(
        actor,
        "PERSON_ERASURE_REQUESTED",
        "Person",
        "erased:" + reference,
        null,
        reason == null || reason.isBlank() ? grounds : grounds + ": " + reason.strip());
    return new Erasure(reference, clock.instant());
  }
}
