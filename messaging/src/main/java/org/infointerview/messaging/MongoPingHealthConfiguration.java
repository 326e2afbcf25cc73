package org.infointerview.messaging;

import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Embedded-store workaround. MongoDB health by {@code ping}, which every MongoDB endpoint answers,
 * the embedded store included; Spring Boot's own indicator asks {@code hello}, which
 * mongo-java-server lacks. Takes the place of Boot's indicator by its bean name.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
class MongoPingHealthConfiguration {

  @Bean(name = "mongoHealthIndicator")
  AbstractHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
    return new AbstractHealthIndicator("MongoDB health check failed") {
      @Override
      protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder
            .up()
            .withDetail("database", mongo.getDb().getName())
            .withDetail("ping", answer.get("ok"));
      }
    };
  }
}
