package org.infointerview.support.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.infointerview.events.EventHeaders;
import org.infointerview.events.Topics;
import org.infointerview.support.logging.RedactingLogPatterns;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads the dead-letter topics of the topics this service uses, keeping the records that one of its
 * own consumer groups gave up on, and re-drives chosen ones: the record goes back to its original
 * topic with its key, value and headers (the dead-letter headers left off), where every consumer
 * group sees it again and the groups that had handled it skip it by its event id. A re-drive is
 * recorded ({@value #REDRIVES}) before it is sent, so naming one twice sends it once. A short-lived
 * consumer without a group reads each time, so nothing here moves any offsets.
 */
public class DeadLetters {

  /** Which dead letters were re-driven, by whom and when. */
  static final String REDRIVES = "dead_letter_redrives";

  private static final Pattern ID = Pattern.compile("(.{1,200}):(\\d{1,6}):(\\d{1,19})");
  private static final Duration POLL = Duration.ofMillis(500);

  private final Map<String, Object> consumerSettings;
  private final Map<String, Object> producerSettings;
  private final List<String> topics;
  private final String service;
  private final MongoTemplate mongo;
  private final Clock clock;

  public DeadLetters(
      Map<String, Object> consumerSettings,
      Map<String, Object> producerSettings,
      List<String> topics,
      String service,
      MongoTemplate mongo,
      Clock clock) {
    this.consumerSettings = consumerSettings;
    this.producerSettings = producerSettings;
    this.topics = List.copyOf(topics);
    this.service = service;
    this.mongo = mongo;
    this.clock = clock;
  }

  /** The dead-letter topics this service may hold letters in. */
  List<String> deadLetterTopics() {
    return topics.stream().map(Topics::deadLetter).toList();
  }

  /**
   * This service's dead letters in one dead-letter topic, oldest first, reading at most {@code
   * scan} records from each partition and returning at most {@code limit}.
   */
  List<DeadLetter> list(String deadLetterTopic, int limit, int scan) {
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
      if (partitions.isEmpty()) {
        return letters;
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
      Map<TopicPartition, Long> stops = new HashMap<>();
      for (TopicPartition partition : partitions) {
        long begin = begins.getOrDefault(partition, 0L);
        long end = ends.getOrDefault(partition, 0L);
        consumer.seek(partition, begin);
        stops.put(partition, Math.min(end, begin + scan));
      }
      // only what a listing shows is kept of each record: never its value or stack trace
      List<DeadLetter> mine = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!stops.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          Long stop = stops.get(partition);
          if (stop != null && record.offset() < stop && isMine(record)) {
            mine.add(letter(record, null));
          }
        }
        stops.entrySet().removeIf(stop -> consumer.position(stop.getKey()) >= stop.getValue());
        List<TopicPartition> done = partitions.stream().filter(p -> !stops.containsKey(p)).toList();
        if (!done.isEmpty()) {
          consumer.pause(done);
        }
      }
      mine.sort(Comparator.comparing(DeadLetter::deadLetteredAt));
      List<DeadLetter> shown = mine.subList(0, Math.min(limit, mine.size()));
      Map<String, Instant> redriven = redriven(shown.stream().map(DeadLetter::id).toList());
      for (DeadLetter letter : shown) {
        letters.add(letter.redriven(redriven.get(letter.id())));
      }
    }
    return letters;
  }

  /** What became of one named dead letter. */
  enum Outcome {
    REDRIVEN,
    ALREADY_REDRIVEN,
    NOT_FOUND
  }

  /** Re-drives each named dead letter of this service once; says what became of each. */
  Map<String, Outcome> redrive(List<String> ids, String actorId) {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer();
        KafkaProducer<byte[], byte[]> producer = producer()) {
      for (String id : ids) {
        if (outcomes.containsKey(id)) {
          continue;
        }
        ConsumerRecord<byte[], byte[]> record = read(consumer, id);
        if (record == null || !isMine(record)) {
          outcomes.put(id, Outcome.NOT_FOUND);
          continue;
        }
        String original = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (original == null) {
          outcomes.put(id, Outcome.NOT_FOUND);
          continue;
        }
        try {
          mongo.insert(
              new Document("_id", id)
                  .append("by", actorId)
                  .append("at", Date.from(clock.instant()))
                  .append("topic", original),
              REDRIVES);
        } catch (DuplicateKeyException e) {
          outcomes.put(id, Outcome.ALREADY_REDRIVEN);
          continue;
        }
        ProducerRecord<byte[], byte[]> again =
            new ProducerRecord<>(original, null, record.key(), record.value());
        for (Header header : record.headers()) {
          if (!isDeadLetterHeader(header.key())) {
            again.headers().add(header);
          }
        }
        again.headers().add("infointerview-redriven-from", bytes(id));
        try {
          producer.send(again).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          // not sent: forget the record of it, so the admin may try again
          mongo.remove(new Query(Criteria.where("_id").is(id)), REDRIVES);
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          throw new IllegalStateException("Kafka did not take the re-driven event", e);
        }
        outcomes.put(id, Outcome.REDRIVEN);
      }
    }
    return outcomes;
  }

  /** Whether an id names a place in one of this service's dead-letter topics. */
  boolean isValidId(String id) {
    Matcher matcher = ID.matcher(id);
    if (!matcher.matches() || !deadLetterTopics().contains(matcher.group(1))) {
      return false;
    }
    try {
      Integer.parseInt(matcher.group(2));
      Long.parseLong(matcher.group(3));
      return true;
    } catch (NumberFormatException tooLarge) {
      return false;
    }
  }

  private @Nullable ConsumerRecord<byte[], byte[]> read(
      KafkaConsumer<byte[], byte[]> consumer, String id) {
    Matcher matcher = ID.matcher(id);
    if (!matcher.matches()) {
      return null;
    }
    TopicPartition partition =
        new TopicPartition(matcher.group(1), Integer.parseInt(matcher.group(2)));
    long offset = Long.parseLong(matcher.group(3));
    if (!partitions(consumer, partition.topic()).contains(partition)) {
      return null;
    }
    consumer.assign(List.of(partition));
    long end = consumer.endOffsets(List.of(partition)).getOrDefault(partition, 0L);
    long begin = consumer.beginningOffsets(List.of(partition)).getOrDefault(partition, 0L);
    if (offset < begin || offset >= end) {
      return null;
    }
    consumer.seek(partition, offset);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        if (record.offset() == offset) {
          return record;
        }
        if (record.offset() > offset) {
          return null;
        }
      }
    }
    return null;
  }

  private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
    if (infos == null) {
      return List.of();
    }
    return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
  }

  private Map<String, Instant> redriven(List<String> ids) {
    Map<String, Instant> at = new HashMap<>();
    if (!ids.isEmpty()) {
      for (Document document :
          mongo.find(new Query(Criteria.where("_id").in(ids)), Document.class, REDRIVES)) {
        at.put(document.getString("_id"), document.getDate("at").toInstant());
      }
    }
    return at;
  }

  private boolean isMine(ConsumerRecord<byte[], byte[]> record) {
    String group = header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
    return group != null
        && (group.equals(service)
            || group.startsWith(service + ".")
            || group.startsWith(service + "-"));
  }

  private static DeadLetter letter(ConsumerRecord<byte[], byte[]> record, @Nullable Instant at) {
    String message = header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
    String partition = header(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
    String offset = header(record, KafkaHeaders.DLT_ORIGINAL_OFFSET);
    String group = header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
    String topic = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
    return new DeadLetter(
        id(record),
        Instant.ofEpochMilli(record.timestamp()),
        topic == null ? "" : topic,
        partition == null ? -1 : Integer.parseInt(partition),
        offset == null ? -1 : Long.parseLong(offset),
        group == null ? "" : group,
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
        header(record, EventHeaders.ID),
        header(record, EventHeaders.TYPE),
        header(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
        message == null ? null : RedactingLogPatterns.redact(shortened(message)),
        at);
  }

  private static String shortened(String message) {
    return message.length() <= 500 ? message : message.substring(0, 500) + "…";
  }

  private static String id(ConsumerRecord<byte[], byte[]> record) {
    return record.topic() + ":" + record.partition() + ":" + record.offset();
  }

  /**
   * The dead-letter publisher's headers (original place, exception, stack trace), which the
   * re-driven record does not carry. Its headers are binary (partition and offset as numbers).
   */
  private static boolean isDeadLetterHeader(String key) {
    return key.startsWith("kafka_dlt-") || key.equals("springDeserializerExceptionValue");
  }

  private static @Nullable String header(ConsumerRecord<byte[], byte[]> record, String key) {
    Header header = record.headers().lastHeader(key);
    if (header == null || header.value() == null) {
      return null;
    }
    byte[] value = header.value();
    if (key.equals(KafkaHeaders.DLT_ORIGINAL_PARTITION) && value.length == 4) {
      return Integer.toString(java.nio.ByteBuffer.wrap(value).getInt());
    }
    if ((key.equals(KafkaHeaders.DLT_ORIGINAL_OFFSET)
            || key.equals(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP))
        && value.length == 8) {
      return Long.toString(java.nio.ByteBuffer.wrap(value).getLong());
    }
    return new String(value, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Map<String, Object> settings = new HashMap<>(consumerSettings);
    settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
    settings.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    // dead letters carry stack traces: fetch a little at a time, not Kafka's 50 MB
    settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * 1024 * 1024);
    settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024);
    return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> settings = new HashMap<>(producerSettings);
    settings.remove("transactional.id");
    return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
