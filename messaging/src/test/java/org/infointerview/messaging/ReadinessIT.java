package org.infointerview.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.infointerview.messaging.testapp.LedgerTestApplication;
import org.infointerview.testinfra.InfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.context.SpringBootTest;

/** A service is ready (/readyz) only while its MongoDB answers and Kafka is not long away. */
@SpringBootTest(classes = LedgerTestApplication.class)
@InfrastructureTest
class ReadinessIT {

  @Autowired HealthEndpointGroups groups;

  @Test
  void readinessIncludesTheStoreAndKafka() {
    var readiness = groups.get("readiness");

    assertThat(readiness).isNotNull();
    assertThat(readiness.isMember("readinessState")).isTrue();
    assertThat(readiness.isMember("mongo")).isTrue();
    assertThat(readiness.isMember("kafka")).isTrue();
  }
}
