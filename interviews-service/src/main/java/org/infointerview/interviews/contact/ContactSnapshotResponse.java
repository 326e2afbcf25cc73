package org.infointerview.interviews.contact;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A contact as interviews-service shows it when a student plans an interview. */
record ContactSnapshotResponse(
    String contactId,
    String source,
    String displayName,
    @Nullable String organizationName,
    @Nullable String jobTitle,
    List<String> careerFields,
    @Nullable String timeZone,
    boolean optedIn,
    String contactPreference,
    long contactVersion) {

  static ContactSnapshotResponse of(ContactSnapshot snapshot) {
    return new ContactSnapshotResponse(
        snapshot.contactId(),
        snapshot.source(),
        snapshot.displayName(),
        snapshot.organizationName(),
        snapshot.jobTitle(),
        snapshot.careerFields(),
        snapshot.timeZone(),
        snapshot.optedIn(),
        snapshot.contactPreference(),
        snapshot.contactVersion());
  }
}
