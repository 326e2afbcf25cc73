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
    ContactDraft base = ContactDraft.of(current);
    return new ContactDraft(
        base.givenName(),
        base.familyName(),
        preferredName,
        pronouns,
        base.emails(),
        ContactDraft.texts(phones),
        linkedinUrl,
        organizationName,
        jobTitle,
        industry,
        ContactDraft.texts(careerFields),
        city,
        region,
        country,
        timeZone,
        base.externalAlumniId(),
        base.graduationYear(),
        base.degree(),
        base.major(),
        base.college(),
        base.tags());
  }
}
