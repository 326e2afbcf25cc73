package org.infointerview.support.audit;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The audit trail, in every service that has a MongoDB store (not the gateway). */
@AutoConfiguration(
    afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnBean(MongoTemplate.class)
@Import(AuditController.class)
public class AuditAutoConfiguration {

  @Bean
  AuditLog auditLog(
      MongoTemplate mongo,
      @Value("${spring.application.name:service}") String service,
      ObjectProvider<Clock> clock) {
    return new AuditLog(mongo, service, clock.getIfAvailable(Clock::systemUTC));
  }
}
