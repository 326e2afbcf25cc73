package org.infointerview.contacts.matching;

import jakarta.validation.Valid;
import java.util.List;
import org.infointerview.contacts.matching.MatchController.MatchResponse;
import org.infointerview.contacts.matching.MatchController.MergeRequest;
import org.infointerview.support.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A student's own possible duplicates: two of their contacts with the same name at the same
 * organization that an import of theirs could not tell apart. The student merges them or says they
 * are two people; nobody else sees these (404 for anyone else's).
 */
@RestController
@RequestMapping("/me/matches")
@PreAuthorize("hasRole('STUDENT')")
@Validated
class PersonalMatchController {

  private final MergeService merges;

  PersonalMatchController(MergeService merges) {
    this.merges = merges;
  }

  @GetMapping
  List<MatchResponse> open(CurrentUser student) {
    return merges.reviews(student.id(), MatchStatus.OPEN, 0, 100).stream()
        .map(MatchResponse::of)
        .toList();
  }

  @GetMapping("/{id}")
  MatchResponse review(CurrentUser student, @PathVariable String id) {
    return MatchResponse.of(merges.review(student.id(), id));
  }

  @PostMapping("/{id}/merge")
  MatchResponse merge(
      CurrentUser student, @PathVariable String id, @Valid @RequestBody MergeRequest request) {
    return MatchResponse.of(merges.merge(student, student.id(), id, request.survivorId()));
  }

  @PostMapping("/{id}/distinct")
  MatchResponse distinct(CurrentUser student, @PathVariable String id) {
    return MatchResponse.of(merges.decide(student, student.id(), id, MatchStatus.DISTINCT));
  }
}
