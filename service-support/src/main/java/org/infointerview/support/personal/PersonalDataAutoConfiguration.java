package org.infointerview.support.personal;

import java.time.Clock;
import java.util.List;
import org.infointerview.messaging.consumer.EventObservations;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.support.audit.AuditAutoConfiguration;
import org.infointerview.support.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's export ({@code GET /me/export}) and erasure in every service that keeps an audit
 * trail, from its {@link PersonalData} beans.
 */
@AutoConfiguration(
    after = AuditAutoConfiguration.class,
    afterName = "org.infointerview.messaging.MessagingAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.data.mongodb.core.MongoTemplate")
@ConditionalOnBean(AuditLog.class)
public class PersonalDataAutoConfiguration {

  @Bean
  PersonalExportController personalExportController(
      ObjectProvider<PersonalData> parts,
      AuditLog audit,
      JsonMapper mapper,
      @Value("${spring.application.name:service}") String service,
      ObjectProvider<Clock> clock) {
    List<PersonalData> ordered = parts.orderedStream().toList();
    return new PersonalExportController(
        ordered, audit, mapper, service, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  ErasedPeople erasedPeople(MongoTemplate mongo) {
    return new ErasedPeople(mongo);
  }

  @Bean
  PersonErasures personErasures(
      ObjectProvider<PersonalData> parts, ErasedPeople erased, AuditLog audit) {
    return new PersonErasures(parts.orderedStream().toList(), erased, audit);
  }

  /** The erasure heard on the contacts topic, where the service consumes events at all. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.infointerview.messaging.consumer.ProcessedEvents")
  @ConditionalOnBean(type = "org.infointerview.messaging.consumer.ProcessedEvents")
  static class Erasures {

    @Bean
    PersonErasureListener personErasureListener(
        ProcessedEvents processedEvents,
        EventReader reader,
        PersonErasures erasures,
        EventObservations observations) {
      return new PersonErasureListener(processedEvents, reader, erasures, observations);
    }
  }
}
