package org.infointerview.interviews.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retention, for admins: {@code GET /retention?years=} is the dry run (what a rule keeping records
 * that many years after graduation would remove now; the setting's when no years are given); {@code
 * POST /retention/runs} runs the setting now.
 */
@RestController
@RequestMapping("/retention")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class RetentionController {

  private final Retention retention;
  private final RetentionProperties properties;

  RetentionController(Retention retention, RetentionProperties properties) {
    this.retention = retention;
    this.properties = properties;
  }

  @GetMapping
  RetentionPreview preview(
      @RequestParam(required = false) @Min(1) @Max(100) @Nullable Integer years) {
    return retention.preview(
        years != null ? years : properties.graduatedYears() > 0 ? properties.graduatedYears() : 5);
  }

  @PostMapping("/runs")
  RetentionPreview run() {
    return retention.runNow();
  }
}
