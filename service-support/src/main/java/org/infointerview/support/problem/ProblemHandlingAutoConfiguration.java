package org.infointerview.support.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Registers {@link ProblemHandling} in every service, and {@link ProblemErrorController} in place
 * of Spring Boot's error controller.
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@Import({ProblemHandling.class, ProblemErrorController.class})
public class ProblemHandlingAutoConfiguration {}
