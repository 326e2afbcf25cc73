package org.infointerview.contacts.contact;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an alumnus changes about how students see them. Their names, email addresses and alumni
 * facts are the alumni database's; consent has its own resource.
 */
record ProfileRequest(
    @Nullable String preferredName,
    @Nullable String pronouns,
    @Nullable List<String> phones,
    @Nullable String linkedinUrl,
    @Nullable String organizationName,
    @Nullable String jobTitle,
    @Nullable String industry,
    @Nullable List<String> careerFields,
    @Nullable String city,
    @Nullable String region,
    @Nullable String country,
    @Nullable String timeZone) {

  /** The person's current details with these fields replaced (absent ones cleared). */
  ContactDraft draftOver(ContactDetails current) {
    return ContactDraftBuilder.builder(ContactDraft.of(current))
        .preferredName(preferredName)
        .pronouns(pronouns)
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
        .build();
  }
}
