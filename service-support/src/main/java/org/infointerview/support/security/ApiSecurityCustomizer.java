package org.infointerview.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Adds to the shared API security chain (for example the gateway's rate limit) without replacing
 * it: every bean of this type is applied, in {@code @Order}.
 */
@FunctionalInterface
public interface ApiSecurityCustomizer {

  void customize(HttpSecurity http) throws Exception;
}
