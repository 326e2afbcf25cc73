package org.infointerview.contacts.contact;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A contact's details as a student (their own contact) or an admin (an institution contact) writes
 * them, on create and on replace. Owner, source, consent and the alumni database's id are not
 * writable here: a body naming them is rejected as a whole (unknown properties fail). Each field is
 * checked by {@link ContactRules}, which names every broken rule. {@code notes}: the student's own
 * notes on their contact, or staff's on an institution contact (several lines).
 */
record ContactRequest(
    @Nullable String givenName,
    @Nullable String familyName,
    @Nullable String preferredName,
    @Nullable String pronouns,
    @Nullable List<String> emails,
    @Nullable List<String> phones,
    @Nullable String linkedinUrl,
    @Nullable String organizationName,
    @Nullable String jobTitle,
    @Nullable String industry,
    @Nullable List<String> careerFields,
    @Nullable String city,
    @Nullable String region,
    @Nullable String country,
    @Nullable String timeZone,
    @Nullable Integer graduationYear,
    @Nullable String degree,
    @Nullable String major,
    @Nullable String college,
    @Nullable List<String> tags,
    @Nullable String notes) {

  /** The draft to check; the alumni id is kept from the contact being replaced, if any. */
  ContactDraft draft(@Nullable String externalAlumniId) {
    return ContactDraftBuilder.builder()
        .givenName(givenName)
        .familyName(familyName)
        .preferredName(preferredName)
        .pronouns(pronouns)
        .emails(ContactDraft.texts(emails))
        .phones(ContactDraft.texts(phones))
        .linkedinUrl(linkedinUrl)
        .organizationName(organizationName)
        .jobTitle(jobTitle)
        .industry(industry)
        .careerFields(ContactDraft.texts(careerFields))
        .city(city)
        .region(region)
        .country(country)
        .timeZone(timeZone)
        .externalAlumniId(externalAlumniId)
        .graduationYear(graduationYear == null ? null : graduationYear.toString())
        .degree(degree)
        .major(major)
        .college(college)
        .tags(ContactDraft.texts(tags))
        .notes(notes)
        .build();
  }
}
