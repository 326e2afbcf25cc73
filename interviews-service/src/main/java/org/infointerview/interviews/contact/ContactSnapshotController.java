package org.infointerview.interviews.contact;

import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The contacts a student may plan interviews with, as this service knows them. */
@RestController
class ContactSnapshotController {

  private final ContactSnapshots snapshots;

  ContactSnapshotController(ContactSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  @GetMapping("/contacts/{id}")
  ContactSnapshotResponse get(CurrentUser viewer, @PathVariable String id) {
    return snapshots
        .find(id)
        .filter(s -> s.isVisibleTo(viewer))
        .map(ContactSnapshotResponse::of)
        .orElseThrow(() -> new NotFoundException("Contact", id));
  }
}
