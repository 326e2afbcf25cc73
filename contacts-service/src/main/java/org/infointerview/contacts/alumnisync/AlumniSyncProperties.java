package org.infointerview.contacts.alumnisync;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The alumni sync's secrets and limits, from the environment (the rest is set by admins through
 * {@code /alumni-sync}).
 *
 * @param apiKey the alumni API's key, when it uses one
 * @param clientSecret the OAuth2 client secret, when the API uses client credentials
 * @param allowPrivateAddresses whether the API may live at a loopback or private address (an alumni
 *     database inside the campus network); off by default against request forgery
 * @param allowPlainHttp whether an {@code http://} URL is accepted
 * @param readTimeout the longest we wait for a page before trying again
 * @param maxAttempts tries per page
 * @param initialBackoff the wait before the first retry, doubled for each further one
 * @param maxWait the longest wait between tries; a longer Retry-After ends the run
 * @param checkInterval how often each instance looks whether the schedule is due
 * @param lockFor how long a run's lock holds without news from the run (renewed with every page)
 */
@ConfigurationProperties("infointerview.alumni-sync")
record AlumniSyncProperties(
    @Nullable String apiKey,
    @Nullable String clientSecret,
    @DefaultValue("false") boolean allowPrivateAddresses,
    @DefaultValue("false") boolean allowPlainHttp,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("1s") Duration initialBackoff,
    @DefaultValue("2m") Duration maxWait,
    @DefaultValue("30s") Duration checkInterval,
    @DefaultValue("10m") Duration lockFor) {

  boolean hasApiKey() {
    return apiKey != null && !apiKey.isBlank();
  }

  boolean hasClientSecret() {
    return clientSecret != null && !clientSecret.isBlank();
  }
}
