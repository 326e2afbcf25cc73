package org.infointerview.messaging.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.infointerview.events.EventHeaders;
import org.infointerview.events.EventType;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a record's envelope ({@link IncomingEvent}) for a consumer. A listener that acts on a few
 * types names them in its consumer's {@value #TYPES} property (type tokens, comma-separated, each
 * one the catalogue knows, checked at start); a record whose {@code ce_type} header names another
 * type is then passed over unread: the consumer gets its type and id from the headers and no
 * payload. A topic an import fills carries hundreds of thousands of events that most consumers
 * skip, and reading each whole was most of their work. Records without the header, and every record
 * of a consumer that names no types, are read whole.
 *
 * <p>A listener that reads only a few fields of every event's data names them in {@value #DATA}
 * (top-level field names, comma-separated): its events carry those fields, the others skipped over
 * unread (a search index that learns only which version of a contact an event tells of, not the
 * whole contact). A broken payload still fails.
 *
 * <p>A listener that applies this instance's own writes as it makes them (a search index) sets
 * {@value #OWN} to {@code skip}: a record whose {@code ii_writer} header names this instance is
 * then passed over unread as well ({@link IncomingEvent#unread()}). An import's hundreds of
 * thousands of events come back to the instance that wrote them, and reading each was a tenth of
 * its work.
 */
public final class Envelopes implements Deserializer<IncomingEvent> {

  /**
   * The consumer property naming the types a listener reads, for example {@code properties =
   * Envelopes.TYPES + "=PersonErased"} on a {@code @KafkaListener}.
   */
  public static final String TYPES = "infointerview.event-types";

  /**
   * The consumer property naming the fields of the data a listener reads, for example {@code
   * properties = Envelopes.DATA + "=version"}; every field when not set.
   */
  public static final String DATA = "infointerview.event-data";

  /**
   * The consumer property that, set to {@code skip}, passes over unread the events this running
   * instance stored ({@link org.infointerview.events.EventHeaders#WRITER}).
   */
  public static final String OWN = "infointerview.own-events";

  private final Deserializer<IncomingEvent> whole;
  private final JsonMapper parts;
  private final byte @Nullable [] writer;
  private @Nullable Set<String> wanted;
  private @Nullable Set<String> fields;
  private boolean skipOwn;

  /**
   * @param whole reads a whole envelope
   * @param parts reads the envelope of a consumer naming its data fields: the mapper {@code whole}
   *     reads with
   * @param writer this instance's token in the events it stores, if it stores any
   */
  public Envelopes(Deserializer<IncomingEvent> whole, JsonMapper parts, @Nullable String writer) {
    this.whole = whole;
    this.parts = parts;
    this.writer = writer == null ? null : writer.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    whole.configure(configs, isKey);
    fields = named(configs.get(DATA));
    Object types = configs.get(TYPES);
    Set<String> named = named(types);
    if (named != null) {
      for (String token : named) {
        if (EventType.ofToken(token).isEmpty()) {
          throw new ConfigException(TYPES, types, "no event type is called " + token);
        }
      }
    }
    wanted = named;
    String own = configs.get(OWN) == null ? "" : configs.get(OWN).toString().strip();
    if (!own.isEmpty() && !"skip".equals(own)) {
      throw new ConfigException(OWN, own, "the only choice is skip");
    }
    skipOwn = "skip".equals(own);
  }

  /** The names a comma-separated property lists, or null when it lists none. */
  private static @Nullable Set<String> named(@Nullable Object property) {
    if (property == null || property.toString().isBlank()) {
      return null;
    }
    return Arrays.stream(property.toString().split(","))
        .map(String::strip)
        .filter(token -> !token.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public @Nullable IncomingEvent deserialize(String topic, byte @Nullable [] data) {
    return whole.deserialize(topic, data);
  }

  @Override
  public @Nullable IncomingEvent deserialize(
      String topic, Headers headers, byte @Nullable [] data) {
    if (skipOwn && data != null && own(headers)) {
      return passedOver(header(headers, EventHeaders.TYPE), header(headers, EventHeaders.ID));
    }
    Set<String> reads = wanted;
    if (reads != null && data != null) {
      String type = header(headers, EventHeaders.TYPE);
      if (type != null && !reads.contains(type)) {
        return passedOver(type, header(headers, EventHeaders.ID));
      }
    }
    Set<String> read = fields;
    if (read != null && data != null) {
      return partly(data, read);
    }
    return whole.deserialize(topic, headers, data);
  }

  /** The envelope with only these fields of its data, the others skipped over unread. */
  private IncomingEvent partly(byte[] data, Set<String> read) {
    try (JsonParser parser = parts.createParser(data)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new SerializationException("An event's envelope is a JSON object");
      }
      ObjectNode envelope = parts.createObjectNode();
      for (String name = parser.nextName(); name != null; name = parser.nextName()) {
        if (parser.nextToken() == JsonToken.START_OBJECT && name.equals("data")) {
          ObjectNode kept = envelope.putObject(name);
          for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            parser.nextToken();
            if (read.contains(field)) {
              kept.set(field, parser.readValueAsTree());
            } else {
              parser.skipChildren();
            }
          }
        } else {
          envelope.set(name, parser.readValueAsTree());
        }
      }
      if (parser.nextToken() != null) {
        throw new SerializationException("An event's envelope is one JSON object, nothing after");
      }
      return parts.treeToValue(envelope, IncomingEvent.class);
    }
  }

  @Override
  public void close() {
    whole.close();
  }

  /** An event of a type the consumer does not read: its type and id, nothing else. */
  private static IncomingEvent passedOver(@Nullable String type, @Nullable String id) {
    return new IncomingEvent(
        "",
        id == null ? "" : id,
        "",
        type == null ? "" : type,
        "",
        Instant.EPOCH,
        "",
        0,
        JsonNodeFactory.instance.objectNode());
  }

  /** Whether the record's writer header names this instance, compared as bytes (no string). */
  private boolean own(Headers headers) {
    Header header = headers.lastHeader(EventHeaders.WRITER);
    return writer != null && header != null && Arrays.equals(writer, header.value());
  }

  private static @Nullable String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
