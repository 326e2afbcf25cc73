package org.infointerview.interviews.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param graduatedYears how many years after their class year a student's records are kept; 0 keeps
 *     them (retention off), the default until a career center sets its rule
 * @param checkInterval how often an instance looks whether today's run is due
 */
@ConfigurationProperties("infointerview.retention")
record RetentionProperties(
    @DefaultValue("0") int graduatedYears, @DefaultValue("1h") Duration checkInterval) {}
