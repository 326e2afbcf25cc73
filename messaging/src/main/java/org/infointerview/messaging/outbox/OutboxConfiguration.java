package org.infointerview.messaging.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import org.infointerview.messaging.MessagingProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
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
      Clock clock,
      ObjectProvider<TraceContexts> traces) {
    String source = properties.source() != null ? properties.source() : "/" + applicationName;
    return new Outbox(source, jsonMapper, clock, traces.getIfAvailable(() -> TraceContexts.NONE));
  }

  /** Where Micrometer Tracing runs, events keep the trace context of the request that made them. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(Tracer.class)
  static class Tracing {

    @Bean
    TraceContexts traceContexts(
        ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
      Tracer current = tracer.getIfAvailable();
      Propagator writer = propagator.getIfAvailable();
      return current == null || writer == null
          ? TraceContexts.NONE
          : TraceContexts.of(current, writer);
    }
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
  BulkInserts bulkInserts(
      AggregateStore store,
      Outbox outbox,
      MongoTemplate mongo,
      Clock clock,
      ObjectProvider<DocumentWriter<?>> writers) {
    return new BulkInserts(store, outbox, mongo, signal, clock, writers.orderedStream().toList());
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
