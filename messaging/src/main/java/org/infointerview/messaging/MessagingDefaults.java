package org.infointerview.messaging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every service's Kafka listeners share, as lowest-precedence defaults a service or an
 * operator may override: each record listener runs in an observation that restores the trace
 * context its record carries ({@code traceparent}, written by the outbox relay), so the listener's
 * span and log lines belong to the trace of the request that caused the event. (Batch listeners,
 * which read hundreds of records of many requests at once, are not observed per record.) And an
 * instance is ready ({@code /readyz}) only while its MongoDB answers and Kafka has not been away
 * for longer than its grace ({@link KafkaHealthConfiguration}).
 */
public class MessagingDefaults implements EnvironmentPostProcessor, Ordered {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "infointerviewMessagingDefaults",
                Map.of(
                    "spring.kafka.listener.observation-enabled",
                    "true",
                    "management.endpoint.health.group.readiness.include",
                    "readinessState,mongo,kafka",
                    // an application without a store or Kafka (a test's) has no such member
                    "management.endpoint.health.validate-group-membership",
                    "false")));
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
