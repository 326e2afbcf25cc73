package org.infointerview.support.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Registers {@link ProblemHandling} in every service. */
@AutoConfiguration
@Import(ProblemHandling.class)
public class ProblemHandlingAutoConfiguration {}
