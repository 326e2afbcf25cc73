package org.infointerview.support.deadletter;

import java.time.Clock;
import org.infointerview.messaging.MessagingProperties;
import org.infointerview.support.audit.AuditAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/** The dead-letter listing and re-drive, in every service with Kafka consumers and a store. */
@AutoConfiguration(
    after = AuditAutoConfiguration.class,
    afterName = "org.infointerview.messaging.MessagingAutoConfiguration")
@ConditionalOnClass({MessagingProperties.class, ConsumerFactory.class})
@ConditionalOnBean({MessagingProperties.class, ConsumerFactory.class, MongoTemplate.class})
@Import(DeadLetterController.class)
public class DeadLetterAutoConfiguration {

  @Bean
  DeadLetters deadLetters(
      ConsumerFactory<?, ?> consumers,
      ProducerFactory<?, ?> producers,
      MessagingProperties properties,
      @Value("${spring.application.name}") String service,
      MongoTemplate mongo,
      ObjectProvider<Clock> clock) {
    return new DeadLetters(
        consumers.getConfigurationProperties(),
        producers.getConfigurationProperties(),
        properties.topics(),
        service,
        mongo,
        clock.getIfAvailable(Clock::systemUTC));
  }
}
