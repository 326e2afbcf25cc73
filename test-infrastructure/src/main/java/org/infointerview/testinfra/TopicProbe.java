package org.infointerview.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.infointerview.events.EventType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what is really on a topic, from the beginning, with a consumer group of its own: how tests
 * check that a service published an event.
 */
public final class TopicProbe implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

  private TopicProbe(String bootstrapServers, List<String> topics) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new StringDeserializer());
    consumer.subscribe(topics);
  }

  /** A probe on the given topics of this JVM's broker. */
  public static TopicProbe on(String... topics) {
    return onBroker(Infrastructure.get().kafkaBootstrapServers(), topics);
  }

  /** A probe on the given topics of a given broker. */
  public static TopicProbe onBroker(String bootstrapServers, String... topics) {
    return new TopicProbe(bootstrapServers, List.of(topics));
  }

  /**
   * Polls until the records seen so far satisfy the condition, or the timeout passes; returns every
   * record seen (possibly not satisfying the condition, for the assertion to explain).
   */
  public List<ConsumerRecord<String, String>> pollUntil(
      Predicate<List<ConsumerRecord<String, String>>> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.test(seen) && Instant.now().isBefore(deadline)) {
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }
    return List.copyOf(seen);
  }

  /** Polls until a record with the given key has been seen; returns every record seen. */
  public List<ConsumerRecord<String, String>> pollForKey(String key, Duration timeout) {
    return pollUntil(records -> records.stream().anyMatch(r -> key.equals(r.key())), timeout);
  }

  /**
   * The first event of this type about this aggregate (key), waited for up to {@code timeout},
   * after checking it against the type's golden example ({@link GoldenEvent#assertPublishedAs}):
   * how a producer test finds what it caused and holds it to the contract.
   */
  public ConsumerRecord<String, String> published(String key, EventType type, Duration timeout) {
    ConsumerRecord<String, String> record =
        find(pollUntil(records -> find(records, key, type) != null, timeout), key, type);
    assertThat(record).as("%s about %s", type.token(), key).isNotNull();
    GoldenEvent.assertPublishedAs(type, record.key(), record.value());
    return record;
  }

  private static @Nullable ConsumerRecord<String, String> find(
      List<ConsumerRecord<String, String>> records, String key, EventType type) {
    for (ConsumerRecord<String, String> record : records) {
      if (key.equals(record.key())
          && type.token().equals(TYPE.readTree(record.value()).path("type").asString(""))) {
        return record;
      }
    }
    return null;
  }

  private static final JsonMapper TYPE = JsonMapper.builder().build();

  /** Polls for the whole duration; returns every record seen. */
  public List<ConsumerRecord<String, String>> pollFor(Duration duration) {
    return pollUntil(records -> false, duration);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
