package org.infointerview.contacts.matching;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review queue of probable duplicates, for admins. */
@RestController
@RequestMapping("/matches")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class MatchController {

  record MergeRequest(@NotBlank String survivorId) {}

  /** A probable match as staff see it; the records themselves are at /contacts/{id}. */
  record MatchResponse(
      String id,
      String firstId,
      String secondId,
      double score,
      List<String> reasons,
      MatchStatus status,
      Instant foundAt,
      @Nullable String decidedBy,
      java.time.@Nullable Instant decidedAt,
      @Nullable String survivorId,
      @Nullable String mergedId,
      List<String> explanation) {

    static MatchResponse of(MatchReview r) {
      return new MatchResponse(
          r.id(),
          r.firstId(),
          r.secondId(),
          r.score(),
          r.reasons(),
          r.status(),
          r.foundAt(),
          r.decidedBy(),
          r.decidedAt(),
          r.survivorId(),
          r.mergedId(),
          r.explanation() != null ? r.explanation() : DuplicateFinder.explained(r.reasons()));
    }
  }

  private final MergeService merges;
  private final DuplicateFinder finder;

  MatchController(MergeService merges, DuplicateFinder finder) {
    this.merges = merges;
    this.finder = finder;
  }

  @GetMapping
  List<MatchResponse> queue(
      @RequestParam(defaultValue = "OPEN") MatchStatus status,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return merges.reviews(null, status, page, size).stream().map(MatchResponse::of).toList();
  }

  @GetMapping("/{id}")
  MatchResponse review(@PathVariable String id) {
    return MatchResponse.of(merges.review(null, id));
  }

  /** Looks for probable duplicates among all institution contacts now. */
  @PostMapping("/scan")
  Map<String, Long> scan() {
    return Map.of("opened", finder.scanAll());
  }

  @PostMapping("/{id}/merge")
  MatchResponse merge(
      CurrentUser admin, @PathVariable String id, @Valid @RequestBody MergeRequest request) {
    return MatchResponse.of(merges.merge(admin, null, id, request.survivorId()));
  }

  @PostMapping("/{id}/keep-both")
  MatchResponse keepBoth(CurrentUser admin, @PathVariable String id) {
    return MatchResponse.of(merges.decide(admin, null, id, MatchStatus.KEPT_BOTH));
  }

  @PostMapping("/{id}/distinct")
  MatchResponse distinct(CurrentUser admin, @PathVariable String id) {
    return MatchResponse.of(merges.decide(admin, null, id, MatchStatus.DISTINCT));
  }

  @PostMapping("/{id}/undo")
  ResponseEntity<MatchResponse> undo(CurrentUser admin, @PathVariable String id) {
    return ResponseEntity.ok(MatchResponse.of(merges.undoMerge(admin, null, id)));
  }
}
