package org.infointerview.contacts.contact;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The descriptive fields of a contact, already validated. */
record ContactDetails(
    String givenName,
    String familyName,
    @Nullable String preferredName,
    List<String> emails,
    @Nullable String organizationName,
    @Nullable String jobTitle,
    List<String> careerFields,
    @Nullable String timeZone) {}
