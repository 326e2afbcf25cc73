package org.infointerview.contacts.derivation;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.infointerview.contacts.derivation.CareerFieldRule.Source;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mapping table that files imported people under career fields and industries by their major,
 * title and employer: admins read it, replace it and re-apply it to the directory (both audited).
 */
@RestController
@RequestMapping("/career-field-rules")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class CareerFieldRulesController {

  record RuleRequest(
      @NotNull Source source,
      @NotBlank @Size(max = 100) String words,
      @Size(max = 5) @Nullable List<@NotBlank String> careerFields,
      @Size(max = 100) @Nullable String industry) {}

  record RulesRequest(@NotNull @Size(max = 1000) List<@Valid @NotNull RuleRequest> rules) {}

  record RulesResponse(
      List<CareerFieldRule> rules,
      long version,
      @Nullable String updatedBy,
      Instant updatedAt,
      CareerFieldRules.@Nullable Apply lastApply) {

    static RulesResponse of(CareerFieldRules stored) {
      return new RulesResponse(
          stored.rules(),
          stored.version(),
          stored.updatedBy(),
          stored.updatedAt(),
          stored.lastApply());
    }
  }

  private final CareerFieldDerivation derivation;

  CareerFieldRulesController(CareerFieldDerivation derivation) {
    this.derivation = derivation;
  }

  @GetMapping
  RulesResponse table() {
    return RulesResponse.of(derivation.stored());
  }

  @PutMapping
  RulesResponse replace(CurrentUser admin, @Valid @RequestBody RulesRequest request) {
    return RulesResponse.of(
        derivation.replace(
            admin,
            request.rules().stream()
                .map(
                    r ->
                        new CareerFieldRule(
                            r.source(),
                            r.words(),
                            r.careerFields() == null ? List.of() : r.careerFields(),
                            r.industry()))
                .toList()));
  }

  /** Brings the directory in line with the table: derived values follow it, others are kept. */
  @PostMapping("/apply")
  @ApiResponse(responseCode = "202", description = "Applying; follow lastApply")
  ResponseEntity<RulesResponse> apply(CurrentUser admin) {
    return ResponseEntity.accepted().body(RulesResponse.of(derivation.apply(admin)));
  }
}
