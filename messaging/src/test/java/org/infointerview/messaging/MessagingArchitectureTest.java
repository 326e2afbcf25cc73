package org.infointerview.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.infointerview.testinfra.ArchitectureRules;
import org.junit.jupiter.api.Test;

class MessagingArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter().importPackages("org.infointerview.messaging");

  @Test
  void controllersNeverReachKafkaEvenThroughTheOutbox() {
    ArchitectureRules.controllersNeverReachKafka().check(classes);
  }

  @Test
  void aControllerThatReachesKafkaThroughAServiceBreaksTheRule() {
    JavaClasses violating = new ClassFileImporter().importPackages("org.infointerview.archfixture");

    assertThatThrownBy(() -> ArchitectureRules.controllersNeverReachKafka().check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("PublishingController");
  }
}
