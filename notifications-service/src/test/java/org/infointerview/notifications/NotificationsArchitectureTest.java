package org.infointerview.notifications;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.infointerview.testinfra.ArchitectureRules;
import org.junit.jupiter.api.Test;

class NotificationsArchitectureTest {

  private final JavaClasses classes =
      ArchitectureRules.serviceClasses("org.infointerview.notifications");

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
    ArchitectureRules.featurePackagesAreFreeOfCycles("org.infointerview.notifications")
        .check(classes);
  }
}
