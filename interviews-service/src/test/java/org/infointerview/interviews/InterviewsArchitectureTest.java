package org.infointerview.interviews;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.infointerview.testinfra.ArchitectureRules;
import org.junit.jupiter.api.Test;

class InterviewsArchitectureTest {

  private final JavaClasses classes =
      ArchitectureRules.serviceClasses("org.infointerview.interviews");

  @Test
  void requestThreadsNeverReachKafka() {
    ArchitectureRules.controllersNeverReachKafka().check(classes);
  }

  @Test
  void onlyTheMessagingModuleSendsToKafka() {
    ArchitectureRules.onlyMessagingSendsToKafka().check(classes);
  }

  @Test
  void featurePackagesAreFreeOfCycles() {
    ArchitectureRules.featurePackagesAreFreeOfCycles("org.infointerview.interviews").check(classes);
  }
}
