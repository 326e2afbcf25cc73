package org.infointerview.interviews.preparation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The question bank: for anyone signed in, the career center's questions (its recommended ones
 * first) beside the built-in ones, topic by topic; for advisors and admins, the center's questions
 * to add, change, recommend and retire ({@code If-Match} with the ETag read; audited).
 */
@RestController
@Validated
class QuestionBankController {

  /**
   * A question as students are offered it.
   *
   * @param id the center's question's id; null for a built-in one
   * @param curated whether the career center wrote it
   * @param careerField the career field it suits; null for every field
   */
  record BankQuestion(
      QuestionBank.Topic topic,
      String text,
      @Nullable String id,
      boolean curated,
      boolean recommended,
      @Nullable String careerField) {}

  private final CuratedQuestions curated;

  QuestionBankController(CuratedQuestions curated) {
    this.curated = curated;
  }

  /** Topic by topic: the center's recommended, the center's others, then the built-in ones. */
  @GetMapping("/question-bank")
  List<BankQuestion> questions(
      @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}")
          @Nullable String careerField) {
    List<BankQuestion> all = new ArrayList<>();
    for (CuratedQuestion q : curated.offered(careerField)) {
      all.add(
          new BankQuestion(q.topic(), q.text(), q.id(), true, q.recommended(), q.careerField()));
    }
    for (QuestionBank.Question q : QuestionBank.all()) {
      all.add(new BankQuestion(q.topic(), q.text(), null, false, false, null));
    }
    // a stable sort: within a topic the order above stays
    all.sort(Comparator.comparing(BankQuestion::topic));
    return all;
  }

  @GetMapping("/question-bank/curated")
  @PreAuthorize("hasAnyRole('ADVISOR', 'ADMIN')")
  List<CuratedQuestionResponse> curated(@RequestParam(defaultValue = "false") boolean withRetired) {
    return curated.all(withRetired).stream().map(CuratedQuestionResponse::of).toList();
  }

  @GetMapping("/question-bank/curated/{id}")
  @PreAuthorize("hasAnyRole('ADVISOR', 'ADMIN')")
  ResponseEntity<CuratedQuestionResponse> one(@PathVariable String id) {
    return tagged(ResponseEntity.ok(), curated.one(id));
  }

  @PostMapping("/question-bank/curated")
  @PreAuthorize("hasAnyRole('ADVISOR', 'ADMIN')")
  ResponseEntity<CuratedQuestionResponse> add(
      CurrentUser staff, @Valid @RequestBody CuratedQuestionRequest request) {
    CuratedQuestion added = curated.add(staff, request);
    return tagged(
        ResponseEntity.created(URI.create("/question-bank/curated/" + added.id())), added);
  }

  /** Changes, recommends or retires a question; {@code If-Match} must carry the ETag read. */
  @PutMapping("/question-bank/curated/{id}")
  @PreAuthorize("hasAnyRole('ADVISOR', 'ADMIN')")
  ResponseEntity<CuratedQuestionResponse> change(
      CurrentUser staff,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody CuratedQuestionRequest request) {
    long read = EntityTags.required(ifMatch);
    return tagged(ResponseEntity.ok(), curated.change(staff, id, read, request));
  }

  private static ResponseEntity<CuratedQuestionResponse> tagged(
      ResponseEntity.BodyBuilder response, CuratedQuestion question) {
    return response
        .eTag(EntityTags.of(question.currentVersion()))
        .body(CuratedQuestionResponse.of(question));
  }
}
