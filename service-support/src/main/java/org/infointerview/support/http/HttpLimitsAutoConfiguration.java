package org.infointerview.support.http;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Registers, ahead of everything else, the checks of a request that need nothing but the request:
 * an address that is UTF-8 text, then the body size limit.
 */
@AutoConfiguration
@EnableConfigurationProperties(HttpLimitsProperties.class)
public class HttpLimitsAutoConfiguration {

  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(HttpLimitsProperties properties) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(
            new RequestSizeLimitFilter(properties.maxRequestSize(), properties.uploads()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  JsonBodies jsonBodies() {
    return new JsonBodies();
  }

  @Bean
  FilterRegistrationBean<AddressEncodingFilter> addressEncoding() {
    FilterRegistrationBean<AddressEncodingFilter> registration =
        new FilterRegistrationBean<>(new AddressEncodingFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }
}
