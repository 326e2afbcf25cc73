package org.infointerview.contacts.contact;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A contact's fields as someone typed them (a request body, a CSV row), before {@link ContactRules}
 * checks and normalizes them. Empty strings count as absent.
 */
@RecordBuilder
@RecordBuilder.Options(useImmutableCollections = true)
public record ContactDraft(
    @Nullable String givenName,
    @Nullable String familyName,
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
    @Nullable String externalAlumniId,
    @Nullable String graduationYear,
    @Nullable String degree,
    @Nullable String major,
    @Nullable String college,
    List<String> tags,
    @Nullable String notes)
    implements ContactDraftBuilder.With {

  public ContactDraft {
    emails = List.copyOf(emails);
    phones = List.copyOf(phones);
    careerFields = List.copyOf(careerFields);
    tags = List.copyOf(tags);
  }

  /** Values from a request body's list, none when it is absent; a null element counts as empty. */
  static List<String> texts(@Nullable List<String> values) {
    return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v).toList();
  }

  /** The draft that gives these details back, for changing some fields and checking again. */
  public static ContactDraft of(ContactDetails details) {
    AlumniFacts alumni = details.alumni();
    return ContactDraftBuilder.builder()
        .givenName(details.givenName())
        .familyName(details.familyName())
        .preferredName(details.preferredName())
        .pronouns(details.pronouns())
        .emails(details.emails())
        .phones(details.phones())
        .linkedinUrl(details.linkedinUrl())
        .organizationName(details.organizationName())
        .jobTitle(details.jobTitle())
        .industry(details.industry())
        .careerFields(details.careerFields())
        .city(details.city())
        .region(details.region())
        .country(details.country())
        .timeZone(details.timeZone())
        .externalAlumniId(alumni == null ? null : alumni.externalId())
        .graduationYear(
            alumni == null || alumni.graduationYear() == null
                ? null
                : alumni.graduationYear().toString())
        .degree(alumni == null ? null : alumni.degree())
        .major(alumni == null ? null : alumni.major())
        .college(alumni == null ? null : alumni.college())
        .tags(details.tags())
        .notes(details.notes())
        .build();
  }
}
