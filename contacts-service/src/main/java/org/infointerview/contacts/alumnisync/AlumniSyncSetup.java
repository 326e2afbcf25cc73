package org.infointerview.contacts.alumnisync;

import org.infointerview.contacts.alumniapi.AlumniDirectoryConnection.Authentication;
import org.infointerview.contacts.alumniapi.AlumniDirectoryConnection.Pagination;
import org.jspecify.annotations.Nullable;

/**
 * How this installation reaches its alumni database, as an admin sets it. Secrets (the API key, the
 * client secret) are not here: they come from the environment.
 *
 * @param baseUrl the API's list endpoint
 * @param apiKeyHeader the header that carries the API key
 * @param tokenUrl the OAuth2 token endpoint, for client credentials
 * @param profile the mapping profile that names the API's JSON fields
 * @param schedule a cron expression (six fields, seconds first), or null for runs by hand only
 * @param zone the time zone the schedule is read in
 * @param enabled whether the schedule starts runs
 */
record AlumniSyncSetup(
    String baseUrl,
    Pagination pagination,
    int pageSize,
    Authentication authentication,
    String apiKeyHeader,
    @Nullable String tokenUrl,
    @Nullable String clientId,
    @Nullable String scope,
    String profile,
    @Nullable String schedule,
    String zone,
    boolean enabled) {}
