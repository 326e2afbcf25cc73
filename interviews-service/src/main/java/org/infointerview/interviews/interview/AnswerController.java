package org.infointerview.interviews.interview;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.infointerview.support.security.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person's side of a request. {@code /answers/{token}}: through the link in the request's mail,
 * without an account (the token is the credential; the gateway lets exactly this path through
 * unsigned and limits how often an address may call it). {@code /me/requests}: the same, signed in,
 * for an alumnus whose record is linked to their sign-in.
 */
@RestController
@Validated
class AnswerController {

  private final AnswerService answers;

  AnswerController(AnswerService answers) {
    this.answers = answers;
  }

  /** The request the link is for: who asks, why, and the times offered. */
  @GetMapping("/answers/{token}")
  ResponseEntity<RequestView> view(@PathVariable @Size(max = 200) String token) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answers.view(token));
  }

  /** Accept one of the times, propose others, or decline; the link works once. */
  @PostMapping("/answers/{token}")
  ResponseEntity<RequestView> answer(
      @PathVariable @Size(max = 200) String token, @Valid @RequestBody AnswerRequest request) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(answers.answer(token, request));
  }

  /** Requests addressed to the signed-in person, waiting for an answer or agreed. */
  @GetMapping("/me/requests")
  @PreAuthorize("isAuthenticated()")
  List<RequestView> requestsToMe(CurrentUser person) {
    return answers.requestsTo(person);
  }

  @PostMapping("/me/requests/{id}/answer")
  @PreAuthorize("isAuthenticated()")
  RequestView answerAsMe(
      CurrentUser person, @PathVariable String id, @Valid @RequestBody AnswerRequest request) {
    return answers.answerAs(person, id, request);
  }

  /** The agreed time passed without the conversation: either side may say so, after its end. */
  @PostMapping("/me/requests/{id}/no-show")
  @PreAuthorize("isAuthenticated()")
  RequestView noShowAsMe(CurrentUser person, @PathVariable String id) {
    return answers.noShowAs(person, id);
  }
}
