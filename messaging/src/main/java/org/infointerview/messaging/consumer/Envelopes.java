package org.infointerview.messaging.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.infointerview.events.EventHeaders;
import org.infointerview.events.EventType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads a record's envelope ({@link IncomingEvent}) for a consumer. A listener that acts on a few
 * types names them in its consumer's {@value #TYPES} property (type tokens, comma-separated, each
 * one the catalogue knows, checked at start); a record whose {@code ce_type} header names another
 * type is then passed over unread: the consumer gets its type and id from the headers and no
 * payload. A topic an import fills carries hundreds of thousands of events that most consumers
 * skip, and reading each whole was most of their work. Records without the header, and every record
 * of a consumer that names no types, are read whole.
 */
public final class Envelopes implements Deserializer<IncomingEvent> {

  /**
   * The consumer property naming the types a listener reads, for example {@code properties =
   * Envelopes.TYPES + "=PersonErased"} on a {@code @KafkaListener}.
   */
  public static final String TYPES = "infointerview.event-types";

  private final Deserializer<IncomingEvent> whole;
  private @Nullable Set<String> wanted;

  public Envelopes(Deserializer<IncomingEvent> whole) {
    this.whole = whole;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    whole.configure(configs, isKey);
    Object types = configs.get(TYPES);
    if (types == null || types.toString().isBlank()) {
      wanted = null;
      return;
    }
    Set<String> named =
        Arrays.stream(types.toString().split(","))
            .map(String::strip)
            .filter(token -> !token.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    for (String token : named) {
      if (EventType.ofToken(token).isEmpty()) {
        throw new ConfigException(TYPES, types, "no event type is called " + token);
      }
    }
    wanted = named;
  }

  @Override
  public @Nullable IncomingEvent deserialize(String topic, byte @Nullable [] data) {
    return whole.deserialize(topic, data);
  }

  @Override
  public @Nullable IncomingEvent deserialize(
      String topic, Headers headers, byte @Nullable [] data) {
    Set<String> reads = wanted;
    if (reads != null && data != null) {
      String type = header(headers, EventHeaders.TYPE);
      if (type != null && !reads.contains(type)) {
        return passedOver(type, header(headers, EventHeaders.ID));
      }
    }
    return whole.deserialize(topic, headers, data);
  }

  @Override
  public void close() {
    whole.close();
  }

  /** An event of a type the consumer does not read: its type and id, nothing else. */
  private static IncomingEvent passedOver(String type, @Nullable String id) {
    return new IncomingEvent(
        "",
        id == null ? "" : id,
        "",
        type,
        "",
        Instant.EPOCH,
        "",
        0,
        JsonNodeFactory.instance.objectNode());
  }

  private static @Nullable String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
