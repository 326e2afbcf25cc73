package org.infointerview.interviews;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.infointerview.testinfra.ArchitectureRules;
import org.junit.jupiter.api.Test;

class InterviewsArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.infointerview.interviews", "org.infointerview.messaging");

  @Test
  void requestThreadsNeverReachKafka() {
    ArchitectureRules.controllersNeverReachKafka().check(classes);
  }

  @Test
  void onlyTheMessagingModuleSendsToKafka() {
    ArchitectureRules.onlyMessagingSendsToKafka().check(classes);
  }
}
