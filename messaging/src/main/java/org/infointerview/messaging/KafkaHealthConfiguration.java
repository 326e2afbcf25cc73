package org.infointerview.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka's health for the readiness group: the cluster answers a description within 3 s. A broker
 * that is away for less than the grace ({@code infointerview.messaging.kafka-readiness-grace}, 2
 * minutes) leaves the service ready, since writes go on into the outbox and reach Kafka when it is
 * back; an outage longer than that takes the instance out of its load balancer's rotation.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
class KafkaHealthConfiguration {

  @Bean(name = "kafkaHealthIndicator")
  AbstractHealthIndicator kafkaHealthIndicator(
      KafkaAdmin admin,
      @Value("${infointerview.messaging.kafka-readiness-grace:2m}") Duration grace) {
    return new KafkaReachable(admin, grace, Clock.systemUTC());
  }

  static final class KafkaReachable extends AbstractHealthIndicator implements DisposableBean {

    private final KafkaAdmin admin;
    private final Duration grace;
    private final Clock clock;
    private volatile AdminClient client;
    private volatile Instant lastReached;

    KafkaReachable(KafkaAdmin admin, Duration grace, Clock clock) {
      super("Kafka health check failed");
      this.admin = admin;
      this.grace = grace;
      this.clock = clock;
      this.lastReached = clock.instant();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
      try {
        int nodes =
            client()
                .describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                .nodes()
                .get(4, TimeUnit.SECONDS)
                .size();
        lastReached = clock.instant();
        builder.up().withDetail("nodes", nodes);
      } catch (Exception e) {
        Duration away = Duration.between(lastReached, clock.instant());
        (away.compareTo(grace) < 0 ? builder.up() : builder.down())
            .withDetail("unreachableFor", away.toSeconds() + " s");
      }
    }

    @Override
    public void destroy() {
      AdminClient current = client;
      if (current != null) {
        current.close(Duration.ofSeconds(2));
      }
    }

    private AdminClient client() {
      AdminClient current = client;
      if (current == null) {
        synchronized (this) {
          if (client == null) {
            client = AdminClient.create(admin.getConfigurationProperties());
          }
          current = client;
        }
      }
      return current;
    }
  }
}
