package org.infointerview.notifications.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.problem.ConflictException;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery log, for admins: messages waiting (QUEUED, with their last error) or given up
 * (FAILED, with why), a page at a time ({@code after} is the last row's {@code after}); any one by
 * its handle; a FAILED one sent again (audited).
 */
@RestController
@RequestMapping("/deliveries")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class DeliveryLogController {

  private final Deliveries deliveries;
  private final AuditLog audit;

  DeliveryLogController(Deliveries deliveries, AuditLog audit) {
    this.deliveries = deliveries;
    this.audit = audit;
  }

  @GetMapping
  List<DeliveryView> list(
      @RequestParam DeliveryStatus status,
      @RequestParam(defaultValue = "") @Size(max = 400) String after,
      @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
    if (status != DeliveryStatus.QUEUED && status != DeliveryStatus.FAILED) {
      throw new InvalidFieldException(
          "status", "lists QUEUED or FAILED messages; look a sent one up by its handle");
    }
    return deliveries.listed(status, after, size).stream().map(DeliveryView::of).toList();
  }

  @GetMapping("/{handle}")
  DeliveryView one(@PathVariable String handle) {
    return DeliveryView.of(find(handle));
  }

  /** Sends a FAILED message again, from its first try; 409 for any other. */
  @PostMapping("/{handle}/retry")
  DeliveryView retry(CurrentUser admin, @PathVariable String handle) {
    Delivery failed = find(handle);
    if (!deliveries.retry(failed)) {
      throw new ConflictException(
          "NOT_FAILED",
          "Only a FAILED message with an address can be sent again; this one is "
              + failed.status().name()
              + (failed.to() == null ? " and has no address" : "")
              + ".");
    }
    audit.record(admin, "DELIVERY_RETRIED", "Delivery", handle, failed.recipientId(), "retried");
    return DeliveryView.of(find(handle));
  }

  private Delivery find(String handle) {
    if (!handle.matches("[0-9a-f]{32}")) {
      throw new NotFoundException("Delivery", handle);
    }
    return deliveries.byHandle(handle).orElseThrow(() -> new NotFoundException("Delivery", handle));
  }
}
