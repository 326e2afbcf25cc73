package org.infointerview.contacts;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.infointerview.testinfra.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ContactsArchitectureTest {

  private final JavaClasses classes =
      ArchitectureRules.serviceClasses("org.infointerview.contacts");

  @Test
  void requestThreadsNeverReachKafka() {
    ArchitectureRules.controllersNeverReachKafka().check(classes);
  }

  @Test
  void onlyTheAlumniApiPackageUsesMicronaut() {
    ArchitectureRules.onlyThisPackageUsesMicronaut("org.infointerview.contacts.alumniapi..")
        .check(classes);
  }

  @Test
  void onlyTheMessagingModuleSendsToKafka() {
    ArchitectureRules.onlyMessagingSendsToKafka().check(classes);
  }

  @Test
  void featurePackagesAreFreeOfCycles() {
    ArchitectureRules.featurePackagesAreFreeOfCycles("org.infointerview.contacts").check(classes);
  }
}
