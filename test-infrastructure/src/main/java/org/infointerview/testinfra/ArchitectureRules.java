package org.infointerview.testinfra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** Architecture rules every module checks with ArchUnit. */
public final class ArchitectureRules {

  private static final String[] KAFKA_PRODUCING =
      new String[] {"org.apache.kafka.clients.producer..", "org.springframework.kafka.core.."};

  private ArchitectureRules() {}

  /**
   * The production classes of a service together with the messaging module they run with: what the
   * service-level rules are checked on.
   */
  public static JavaClasses serviceClasses(String servicePackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(servicePackage, "org.infointerview.messaging");
  }

  /**
   * HTTP request threads never call Kafka: a producer blocks up to {@code max.block.ms} when the
   * broker is away. Controllers reach Kafka neither directly nor through anything they call; state
   * changes go to the outbox and the relay publishes them on its own thread.
   */
  public static ArchRule controllersNeverReachKafka() {
    return noClasses()
        .that()
        .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
        .or()
        .areAnnotatedWith("org.springframework.stereotype.Controller")
        .should()
        .transitivelyDependOnClassesThat()
        .resideInAnyPackage(KAFKA_PRODUCING)
        .allowEmptyShould(true)
        .because("a Kafka producer blocks the request thread when the broker is down");
  }

  /**
   * A service's feature packages ({@code <service package>.<feature>..}) depend on each other in
   * one direction only: a feature can be read, moved or split without pulling in the one that uses
   * it.
   */
  public static ArchRule featurePackagesAreFreeOfCycles(String servicePackage) {
    return SlicesRuleDefinition.slices()
        .matching(servicePackage + ".(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true)
        .because("a feature package is read, moved or split on its own");
  }

  /** Only the messaging module sends to Kafka: services publish through the outbox. */
  public static ArchRule onlyMessagingSendsToKafka() {
    return noClasses()
        .that()
        .resideOutsideOfPackage("org.infointerview.messaging..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(KAFKA_PRODUCING)
        .allowEmptyShould(true)
        .because("state changes and their events are stored together and relayed");
  }

  /** Only the given package uses Micronaut: the rest of the service sees our own interfaces. */
  public static ArchRule onlyThisPackageUsesMicronaut(String packageIdentifier) {
    return noClasses()
        .that()
        .resideOutsideOfPackage(packageIdentifier)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.micronaut..")
        .allowEmptyShould(true)
        .because("the Micronaut HTTP client stays behind our own interface");
  }
}
