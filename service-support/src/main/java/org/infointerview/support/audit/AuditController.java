package org.infointerview.support.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins read the audit trail; there is no endpoint that writes, changes or removes it. */
@RestController
@Validated
class AuditController {

  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/audit")
  @PreAuthorize("hasRole('ADMIN')")
  List<AuditEntry> find(
      @RequestParam(required = false) @Size(max = 300) @Nullable String actorId,
      @RequestParam(required = false) @Size(max = 300) @Nullable String subjectId,
      @RequestParam(required = false) @Size(max = 64) @Nullable String action,
      @RequestParam(required = false) @Size(max = 128) @Nullable String resourceId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          @Nullable Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          @Nullable Instant to,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
    return audit.find(
        new AuditLog.AuditQuery(actorId, subjectId, action, resourceId, from, to, page, size));
  }
}
