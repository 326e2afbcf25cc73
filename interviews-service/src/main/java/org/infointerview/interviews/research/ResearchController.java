package org.infointerview.interviews.research;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Step 1, research: a student's notes per career field ({@code /research/FIELD/HEALTH_SCIENCE}) and
 * per organization ({@code /research/ORGANIZATION/Northwind Health}), theirs alone.
 */
@RestController
@RequestMapping("/research")
@PreAuthorize("hasRole('STUDENT')")
@Validated
class ResearchController {

  private final ResearchNotes notes;

  ResearchController(ResearchNotes notes) {
    this.notes = notes;
  }

  @GetMapping
  List<ResearchResponse> mine(
      CurrentUser student, @RequestParam(required = false) @Nullable ResearchKind kind) {
    return notes.mine(student, kind).stream().map(ResearchResponse::of).toList();
  }

  @GetMapping("/{kind}/{topic}")
  ResearchResponse one(
      CurrentUser student,
      @PathVariable ResearchKind kind,
      @PathVariable @Size(max = 200) String topic) {
    return ResearchResponse.of(notes.one(student, kind, topic));
  }

  /** Writes the note on a topic, creating it the first time. */
  @PutMapping("/{kind}/{topic}")
  ResearchResponse write(
      CurrentUser student,
      @PathVariable ResearchKind kind,
      @PathVariable @Size(max = 200) String topic,
      @Valid @RequestBody ResearchRequest request) {
    return ResearchResponse.of(notes.write(student, kind, topic, request));
  }

  @DeleteMapping("/{kind}/{topic}")
  ResponseEntity<Void> delete(
      CurrentUser student,
      @PathVariable ResearchKind kind,
      @PathVariable @Size(max = 200) String topic) {
    notes.delete(student, kind, topic);
    return ResponseEntity.noContent().build();
  }
}
