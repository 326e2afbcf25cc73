package org.infointerview.interviews.interview;

import org.infointerview.support.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /me/dashboard}: what a student has to do and what is coming, in one call. */
@RestController
@PreAuthorize("hasRole('STUDENT')")
class DashboardController {

  private final Dashboard dashboard;

  DashboardController(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  @GetMapping("/me/dashboard")
  DashboardResponse dashboard(CurrentUser student) {
    return dashboard.of(student);
  }
}
