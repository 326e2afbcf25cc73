package org.infointerview.contacts.imports;

import java.time.Instant;
import java.util.List;
import org.infointerview.contacts.contact.ContactSource;

/**
 * A mapping profile as the API shows it: the stored document stays behind the controller.
 *
 * @param version grows with each save, for a client that wants to notice someone else's
 */
record MappingProfileResponse(
    String name,
    String description,
    ContactSource source,
    List<Column> columns,
    List<String> clearWhenEmpty,
    Instant updatedAt,
    long version) {

  record Column(String header, String target) {}

  static MappingProfileResponse of(MappingProfile profile) {
    return new MappingProfileResponse(
        profile.name(),
        profile.description(),
        profile.source(),
        profile.columns().stream().map(c -> new Column(c.header(), c.target())).toList(),
        profile.clearWhenEmpty(),
        profile.updatedAt(),
        profile.version() == null ? 0 : profile.version());
  }
}
