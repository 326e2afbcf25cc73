package org.infointerview.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.infointerview.events.EventHeaders;
import org.infointerview.events.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A contract's golden example of an event type, as a test publishes it or compares with it: read
 * from {@code event-contracts}' class path, with a fresh event id, and changed field by field. The
 * producer's and every consumer's tests start from the same file.
 */
public final class GoldenEvent {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ObjectNode envelope;

  private GoldenEvent(ObjectNode envelope) {
    this.envelope = envelope;
  }

  /**
   * A record of this envelope as the outbox relay publishes it: keyed, and with the {@code ce_type}
   * and {@code ce_id} headers by which a consumer passes over the types it does not read.
   */
  public static ProducerRecord<String, String> asRelayed(
      String topic, String key, String envelope) {
    JsonNode read = JSON.readTree(envelope);
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, envelope);
    record
        .headers()
        .add(EventHeaders.TYPE, read.get("type").asString().getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(EventHeaders.ID, read.get("id").asString().getBytes(StandardCharsets.UTF_8));
    return record;
  }

  /** The golden example of this type, with an event id of its own. */
  public static GoldenEvent of(EventType type) {
    try (InputStream in =
        GoldenEvent.class.getClassLoader().getResourceAsStream(type.goldenExample())) {
      if (in == null) {
        throw new IllegalStateException("No golden example at " + type.goldenExample());
      }
      ObjectNode envelope = (ObjectNode) JSON.readTree(in);
      envelope.put("id", UUID.randomUUID().toString());
      return new GoldenEvent(envelope);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same event about another aggregate: every place the example names its subject. */
  public GoldenEvent about(String aggregateId) {
    String subject = envelope.get("subject").asString();
    ObjectNode moved =
        (ObjectNode) JSON.readTree(envelope.toString().replace(subject, aggregateId));
    return new GoldenEvent(moved);
  }

  /** Sets a field of the payload. */
  public GoldenEvent with(String field, String value) {
    ((ObjectNode) envelope.get("data")).put(field, value);
    return this;
  }

  /** Sets a number of the payload. */
  public GoldenEvent with(String field, long value) {
    ((ObjectNode) envelope.get("data")).put(field, value);
    return this;
  }

  /** Sets a list of texts of the payload. */
  public GoldenEvent withList(String field, String... values) {
    var list = ((ObjectNode) envelope.get("data")).putArray(field);
    for (String value : values) {
      list.add(value);
    }
    return this;
  }

  /** Makes a list of the payload empty. */
  public GoldenEvent withEmpty(String field) {
    ((ObjectNode) envelope.get("data")).putArray(field);
    return this;
  }

  /** Sets the envelope's subject (the record key of the aggregate). */
  public GoldenEvent subject(String subject) {
    envelope.put("subject", subject);
    return this;
  }

  /** Sets the envelope's time (when the producer made the fact). */
  public GoldenEvent at(java.time.Instant time) {
    envelope.put("time", time.toString());
    return this;
  }

  public String id() {
    return envelope.get("id").asString();
  }

  /** The whole envelope, as a consumer reads it. */
  public JsonNode envelope() {
    return envelope.deepCopy();
  }

  /** The envelope as the JSON text a producer sends. */
  public String json() {
    return envelope.toString();
  }

  /**
   * Checks an event a producer published against its type's golden example: the same envelope
   * fields, the same payload fields at every depth (where the published value is not null), the
   * type token, and the subject as the record key. A field added on one side only fails it, so the
   * contract, the producer's record and the example cannot drift apart.
   *
   * @param key the Kafka record's key
   * @param published the record's value
   */
  public static void assertPublishedAs(EventType type, String key, String published) {
    JsonNode event = JSON.readTree(published);
    JsonNode golden = of(type).envelope();
    assertThat(event.get("type").asString()).as("type token").isEqualTo(type.token());
    assertThat(event.get("subject").asString()).as("subject is the record key").isEqualTo(key);
    assertSameShape(type.token(), "", golden, event);
  }

  private static void assertSameShape(String token, String path, JsonNode golden, JsonNode event) {
    if (golden.isObject() && event.isObject()) {
      assertThat(event.propertyNames())
          .as("%s%s: the fields of the golden example", token, path.isEmpty() ? "" : " " + path)
          .containsExactlyInAnyOrderElementsOf(golden.propertyNames());
      for (String field : golden.propertyNames()) {
        assertSameShape(token, path + "." + field, golden.get(field), event.get(field));
      }
    } else if (golden.isArray() && event.isArray() && !golden.isEmpty() && !event.isEmpty()) {
      assertSameShape(token, path + "[0]", golden.get(0), event.get(0));
    }
  }
}
