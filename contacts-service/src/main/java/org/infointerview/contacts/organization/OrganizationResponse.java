package org.infointerview.contacts.organization;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/** An organization as the API shows it. */
record OrganizationResponse(
    String id, @JsonUnwrapped OrganizationDetails details, Instant createdAt, Instant updatedAt) {

  static OrganizationResponse of(Organization o) {
    return new OrganizationResponse(o.id(), o.details(), o.createdAt(), o.updatedAt());
  }
}
