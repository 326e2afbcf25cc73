package org.infointerview.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.Envelopes;
import org.infointerview.messaging.consumer.EventObservations;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.messaging.consumer.UnknownEventTypes;
import org.infointerview.messaging.outbox.Outbox;
import org.infointerview.messaging.outbox.OutboxConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka and MongoDB wiring every service shares: producer settings for safe, ordered
 * publishing, envelope deserialization behind an {@link ErrorHandlingDeserializer}, one error
 * handler with bounded backoff that dead-letters to {@code <topic>-dlt} on the same partition, the
 * topics with their dead-letter twins, the outbox and the duplicate check.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
    },
    beforeName =
        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@EnableConfigurationProperties(MessagingProperties.class)
@Import({
  OutboxConfiguration.class,
  MongoPingHealthConfiguration.class,
  KafkaHealthConfiguration.class
})
public class MessagingAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Idempotent, fully acknowledged, ordered sends. {@code linger.ms} is set on purpose: Kafka 4
   * changed its default to 5 ms. Batches of up to 64 KB, not the default 16 KB: the relay sends an
   * import's events 500 at a time, each with the whole contact, and at 16 KB each partition's batch
   * filled after a handful and went out as a request of its own, the broker paying per request.
   */
  @Bean
  DefaultKafkaProducerFactoryCustomizer infointerviewProducerSettings() {
    return factory -> {
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put(ProducerConfig.ACKS_CONFIG, "all");
      settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
      settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
      settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
      settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
      settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
      settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
      settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
      settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
      factory.updateConfigs(settings);
    };
  }

  /**
   * Envelopes arrive as {@link IncomingEvent}; a record that is not one goes to the DLT. A consumer
   * that names the types it reads ({@link Envelopes#TYPES}) passes the others over unread.
   */
  @Bean
  DefaultKafkaConsumerFactoryCustomizer infointerviewConsumerSettings(
      JsonMapper jsonMapper, ObjectProvider<Outbox> outbox) {
    return factory -> {
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      factory.updateConfigs(settings);
      @SuppressWarnings("unchecked")
      var typed = (DefaultKafkaConsumerFactory<String, IncomingEvent>) factory;
      typed.setKeyDeserializerSupplier(StringDeserializer::new);
      JsonMapper lenient = EventReader.lenient(jsonMapper);
      Outbox writes = outbox.getIfAvailable();
      String writer = writes == null ? null : writes.writer();
      typed.setValueDeserializerSupplier(
          () ->
              new ErrorHandlingDeserializer<>(
                  new Envelopes(
                      new JacksonJsonDeserializer<>(IncomingEvent.class, lenient, false),
                      lenient,
                      writer)));
    };
  }

  /** Events dead-lettered, by the topic they came from: anything above 0 wants a look. */
  public static final String DEAD_LETTERED = "infointerview.events.dead.lettered";

  /**
   * Retries a failing record a few times with growing pauses, then publishes it to {@code
   * <topic>-dlt} on the same partition (counted in {@value #DEAD_LETTERED}); records that cannot be
   * deserialized go there at once.
   */
  @Bean
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  DefaultErrorHandler kafkaErrorHandler(
      ProducerFactory<?, ?> producerFactory,
      JsonMapper jsonMapper,
      MessagingProperties properties,
      ObjectProvider<MeterRegistry> meters) {
    MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
    Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
    byType.put(byte[].class, new ByteArraySerializer());
    byType.put(String.class, new StringSerializer());
    byType.put(Object.class, new JacksonJsonSerializer<>(jsonMapper).noTypeInfo());
    var deadLetters =
        new KafkaTemplate<Object, Object>(
            new DefaultKafkaProducerFactory<Object, Object>(
                producerFactory.getConfigurationProperties(),
                new DelegatingByTypeSerializer(byType, true),
                new DelegatingByTypeSerializer(byType, true)));
    var recoverer =
        new DeadLetterPublishingRecoverer(
            deadLetters,
            (record, exception) -> {
              Counter.builder(DEAD_LETTERED)
                  .description("Events given up on after their retries, sent to the topic's DLT")
                  .tag("topic", record.topic())
                  .register(registry)
                  .increment();
              return new TopicPartition(Topics.deadLetter(record.topic()), record.partition());
            });
    var backOff = new ExponentialBackOffWithMaxRetries(properties.consumer().retries());
    backOff.setInitialInterval(properties.consumer().initialBackoff().toMillis());
    backOff.setMultiplier(2.0);
    backOff.setMaxInterval(properties.consumer().maxBackoff().toMillis());
    return new DefaultErrorHandler(recoverer, backOff);
  }

  /** Every topic this service touches, and its dead-letter twin with the same partitions. */
  @Bean
  KafkaAdmin.NewTopics infointerviewTopics(MessagingProperties properties) {
    List<NewTopic> topics = new ArrayList<>();
    for (String topic : properties.topics()) {
      topics.add(TopicBuilder.name(topic).partitions(properties.partitions()).build());
      topics.add(
          TopicBuilder.name(Topics.deadLetter(topic)).partitions(properties.partitions()).build());
    }
    return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
  }

  /**
   * Events of a type this build does not know are skipped and counted (Boot sets a {@code
   * RecordInterceptor} bean on the listener containers).
   */
  @Bean
  @ConditionalOnMissingBean(RecordInterceptor.class)
  RecordInterceptor<Object, Object> unknownEventTypes(ObjectProvider<MeterRegistry> meters) {
    return new UnknownEventTypes(meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
    return new ProcessedEvents(mongo, clock);
  }

  @Bean
  EventObservations eventObservations(
      ObjectProvider<ObservationRegistry> registry, ObjectProvider<MeterRegistry> meters) {
    return new EventObservations(
        registry.getIfAvailable(() -> ObservationRegistry.NOOP),
        new UnknownEventTypes(meters.getIfAvailable(SimpleMeterRegistry::new)));
  }

  @Bean
  EventReader eventReader(JsonMapper jsonMapper) {
    return new EventReader(jsonMapper);
  }
}
