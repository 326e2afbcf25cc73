package org.infointerview.messaging.consumer;

import tools.jackson.databind.json.JsonMapper;

/** Reads an incoming event's payload into the consumer's own class for its type. */
public class EventReader {

  private final JsonMapper jsonMapper;

  public EventReader(JsonMapper jsonMapper) {
    this.jsonMapper = jsonMapper;
  }

  public <T> T data(IncomingEvent event, Class<T> type) {
    return jsonMapper.treeToValue(event.data(), type);
  }
}
