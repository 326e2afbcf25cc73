package org.infointerview.messaging.consumer;

import java.time.Instant;
import org.infointerview.events.EventType;
import tools.jackson.databind.JsonNode;

/**
 * An event envelope as a consumer receives it: the CloudEvents attributes, and the payload left as
 * a tree until the consumer maps its type token to a class of its own ({@link
 * EventReader#data(IncomingEvent, Class)}). Unknown fields are ignored, so producers may add some.
 */
public record IncomingEvent(
    String specversion,
    String id,
    String source,
    String type,
    String subject,
    Instant time,
    String datacontenttype,
    int schemaversion,
    JsonNode data) {
  /** Whether this is an event of that catalogued type (its token, as the contract names it). */
  public boolean is(EventType type) {
    return type.token().equals(type());
  }

  /**
   * Whether the consumer passed this event over unread ({@link Envelopes}): a type it does not
   * read, or this instance's own write. Only its type and id are known then.
   */
  public boolean unread() {
    return "".equals(specversion);
  }
}
