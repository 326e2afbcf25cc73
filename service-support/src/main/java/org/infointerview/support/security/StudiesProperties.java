package org.infointerview.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The token claims that carry a student's studies ({@link Studies}); a provider that sends none
 * leaves them empty.
 *
 * @param classYearClaim the graduation year, a number or a text of digits
 * @param majorClaim the major
 * @param programClaim the program
 */
@ConfigurationProperties("infointerview.security.studies")
public record StudiesProperties(
    @DefaultValue("class_year") String classYearClaim,
    @DefaultValue("major") String majorClaim,
    @DefaultValue("program") String programClaim) {}
