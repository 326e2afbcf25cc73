package org.infointerview.support.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize the largest request body accepted, declared or streamed (chunked)
 */
@ConfigurationProperties("infointerview.http")
public record HttpLimitsProperties(@DefaultValue("1MB") DataSize maxRequestSize) {}
