package org.infointerview.contacts.organization;

import org.jspecify.annotations.Nullable;

/**
 * An organization as an admin describes it; checked by {@link OrganizationRules}.
 *
 * @param domain the internet domain (taken from the website when left out)
 * @param industry an industry of the taxonomy, by code or name
 * @param country an ISO 3166 two-letter code
 */
record OrganizationRequest(
    @Nullable String name,
    @Nullable String website,
    @Nullable String domain,
    @Nullable String industry,
    @Nullable String city,
    @Nullable String region,
    @Nullable String country,
    @Nullable OrganizationSize size) {}
