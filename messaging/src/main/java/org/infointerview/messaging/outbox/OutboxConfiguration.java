package org.infointerview.messaging.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.infointerview.messaging.MessagingProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The outbox, its store and its relay. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

  private final OutboxSignal signal = new OutboxSignal();

  @Bean
  Outbox outbox(
      MessagingProperties properties,
      @Value("${spring.application.name}") String applicationName,
      JsonMapper jsonMapper,
      Clock clock) {
    String source = properties.source() != null ? properties.source() : "/" + applicationName;
    return new Outbox(source, jsonMapper, clock);
  }

  @Bean
  AggregateStore aggregateStore(
      MongoTemplate mongo,
      Outbox outbox,
      ApplicationEventPublisher publisher,
      MessagingProperties properties) {
    AggregateStore store =
        new AggregateStore(mongo, signal, outbox, publisher, properties.outboxCollections());
    store.prepareIndexes();
    return store;
  }

  @Bean
  BulkInserts bulkInserts(AggregateStore store, Outbox outbox, MongoTemplate mongo, Clock clock) {
    return new BulkInserts(store, outbox, mongo, signal, clock);
  }

  /** The backlog's gauges, where the service has a meter registry (the actuator's). */
  @Bean
  OutboxMeters outboxMeters(
      MongoTemplate mongo, MessagingProperties properties, ObjectProvider<MeterRegistry> meters) {
    OutboxMeters outboxMeters =
        new OutboxMeters(mongo, properties.outboxCollections(), Clock.systemUTC());
    meters.ifAvailable(outboxMeters::register);
    return outboxMeters;
  }

  @Bean
  OutboxRelay outboxRelay(
      MongoTemplate mongo,
      KafkaTemplate<String, String> kafka,
      MessagingProperties properties,
      Clock clock) {
    return new OutboxRelay(mongo, kafka, properties, signal, clock);
  }
}
