package org.infointerview.support.export;

import java.time.Clock;
import java.util.List;
import org.infointerview.support.audit.AuditAutoConfiguration;
import org.infointerview.support.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** A person's export ({@code GET /me/export}) in every service that keeps an audit trail. */
@AutoConfiguration(after = AuditAutoConfiguration.class)
@ConditionalOnBean(AuditLog.class)
public class PersonalExportAutoConfiguration {

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
}
