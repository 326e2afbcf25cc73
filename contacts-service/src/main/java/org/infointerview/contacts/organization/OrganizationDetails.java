package org.infointerview.contacts.organization;

import org.jspecify.annotations.Nullable;

/**
 * What an organization is, checked and normalized by {@link OrganizationRules}.
 *
 * @param domain the organization's internet domain, lower case, without {@code www.}
 * @param industry an industry code of the taxonomy
 * @param country an ISO 3166 two-letter code
 */
record OrganizationDetails(
    String name,
    @Nullable String domain,
    @Nullable String website,
    @Nullable String industry,
    @Nullable String city,
    @Nullable String region,
    @Nullable String country,
    @Nullable OrganizationSize size) {}
