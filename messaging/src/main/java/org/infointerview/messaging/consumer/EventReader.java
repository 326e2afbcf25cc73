package org.infointerview.messaging.consumer;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an incoming event's payload into the consumer's own class for its type. Fields the class
 * lacks are ignored, whatever the service's own JSON settings: producers evolve additively and a
 * consumer may read a subset.
 */
public class EventReader {

  private final JsonMapper jsonMapper;

  public EventReader(JsonMapper jsonMapper) {
    this.jsonMapper = lenient(jsonMapper);
  }

  /** A copy of the mapper that ignores unknown fields. */
  public static JsonMapper lenient(JsonMapper jsonMapper) {
    return jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }

  public <T> T data(IncomingEvent event, Class<T> type) {
    return jsonMapper.treeToValue(event.data(), type);
  }
}
