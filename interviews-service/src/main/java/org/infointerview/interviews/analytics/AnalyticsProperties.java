package org.infointerview.interviews.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param refreshInterval how often an instance builds the days that interviews' writes marked
 *     (reports build their own range's first in any case)
 * @param reconcileInterval how often every interview's day is read again, for marks a stopped
 *     process lost
 */
@ConfigurationProperties("infointerview.analytics")
record AnalyticsProperties(
    @DefaultValue("5s") Duration refreshInterval,
    @DefaultValue("24h") Duration reconcileInterval) {}
