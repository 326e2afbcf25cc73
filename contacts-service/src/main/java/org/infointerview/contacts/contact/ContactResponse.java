package org.infointerview.contacts.contact;

import java.time.Instant;
import java.util.List;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * A contact as its viewer may see it: email addresses and phone numbers only where the person's
 * preference (or ownership) allows; the alumni id, provenance and consent history only to admins
 * and the person themself; notes to the student on their own contact, to advisors and admins on an
 * institution contact (never to students or to the person). {@code derivedFields}: career fields or
 * industry the mapping table derived from major, title and employer (not a person's choice).
 */
public record ContactResponse(
    String id,
    String source,
    String displayName,
    String givenName,
    String familyName,
    @Nullable String preferredName,
    @Nullable String pronouns,
    List<String> emails,
    List<String> phones,
    @Nullable String linkedinUrl,
    @Nullable String organizationName,
    @Nullable String jobTitle,
    @Nullable String industry,
    List<String> careerFields,
    @Nullable String city,
    @Nullable String region,
    @Nullable String country,
    @Nullable String timeZone,
    @Nullable Alumni alumni,
    List<String> tags,
    @Nullable String notes,
    List<String> derivedFields,
    ConsentView consent,
    @Nullable List<Provenance> provenance,
    @Nullable List<ConsentChange> consentHistory,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  record Alumni(
      @Nullable String externalId,
      @Nullable Integer graduationYear,
      @Nullable String degree,
      @Nullable String major,
      @Nullable String college) {}

  record ConsentView(
      boolean optedIn,
      @Nullable Instant optedInAt,
      String contactPreference,
      String channel,
      @Nullable Integer maxRequestsPerMonth,
      @Nullable Instant pausedUntil,
      boolean doNotContact) {}

  public static ContactResponse of(Contact contact, CurrentUser viewer) {
    ContactDetails d = contact.details();
    boolean reveal = contact.revealsDetailsTo(viewer);
    boolean steward =
        viewer.id().equals(contact.ownerId())
            || viewer.id().equals(contact.linkedUserId())
            || (viewer.has(Role.ADMIN) && !contact.source().isOwned());
    AlumniFacts a = d.alumni();
    Consent c = contact.consent();
    return new ContactResponse(
        contact.id(),
        contact.source().name(),
        d.displayName(),
        d.givenName(),
        d.familyName(),
        d.preferredName(),
        d.pronouns(),
        reveal ? d.emails() : List.of(),
        reveal ? d.phones() : List.of(),
        d.linkedinUrl(),
        d.organizationName(),
        d.jobTitle(),
        d.industry(),
        d.careerFields(),
        d.city(),
        d.region(),
        d.country(),
        d.timeZone(),
        a == null
            ? null
            : new Alumni(
                steward ? a.externalId() : null,
                a.graduationYear(),
                a.degree(),
                a.major(),
                a.college()),
        d.tags(),
        notesFor(contact, viewer),
        contact.derivedFields(),
        new ConsentView(
            c.optedIn(),
            c.optedInAt(),
            c.preference().name(),
            c.channel().name(),
            c.maxRequestsPerMonth(),
            c.pausedUntil(),
            c.doNotContact()),
        steward ? contact.provenance() : null,
        steward && !contact.source().isOwned() ? contact.consentHistory() : null,
        contact.createdAt(),
        contact.updatedAt(),
        contact.currentVersion());
  }

  /** The student's notes on their own contact; staff's on an institution contact, to staff. */
  static @Nullable String notesFor(Contact contact, CurrentUser viewer) {
    if (contact.source().isOwned()) {
      return viewer.id().equals(contact.ownerId()) ? contact.details().notes() : null;
    }
    return viewer.has(Role.ADMIN) || viewer.has(Role.ADVISOR) ? contact.details().notes() : null;
  }
}
