package org.infointerview.messaging.outbox;

import java.util.Collection;
import java.util.Date;
import java.util.Map;
import org.bson.BsonBinaryWriter;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * A new aggregate's document as BSON, when it holds only the values aggregates store (strings,
 * numbers, booleans, dates, ObjectIds, nulls, nested documents and lists): the very bytes the
 * driver's codecs write, through the BSON library's writer, but chosen by a switch on the value's
 * class instead of a codec looked up in the registry for each value, and with the strings encoded
 * whole ({@link OutboxBatches.StringsAtOnce}). The driver then sends the bytes as they are. Its own
 * encoding of an import's 500 contacts at a time was a sixth to a third of contacts-service's CPU
 * in profiles of an import (most of it the registry's lookups and its buffer's bookkeeping).
 */
public final class PlainBson {

  private static final String ID = "_id";

  private PlainBson() {}

  /** The document's BSON, or null when it holds a value of another kind (the driver's to write). */
  public static @Nullable RawBsonDocument encode(Map<String, ?> document) {
    if (!document.containsKey(ID)) {
      return null; // the driver gives it one
    }
    OutboxBatches.StringsAtOnce out = new OutboxBatches.StringsAtOnce(1024);
    try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
      // as the driver writes a document it stores: its id first
      writer.writeStartDocument();
      writer.writeName(ID);
      if (!value(writer, document.get(ID)) || !fields(writer, document, true)) {
        return null;
      }
    }
    return new RawBsonDocument(out.getInternalBuffer(), 0, out.getPosition());
  }

  private static boolean fields(BsonBinaryWriter writer, Map<String, ?> document, boolean top) {
    for (Map.Entry<String, ?> field : document.entrySet()) {
      if (top && ID.equals(field.getKey())) {
        continue;
      }
      writer.writeName(field.getKey());
      if (!value(writer, field.getValue())) {
        return false;
      }
    }
    writer.writeEndDocument();
    return true;
  }

  private static boolean value(BsonBinaryWriter writer, @Nullable Object value) {
    if (value == null) {
      writer.writeNull();
    } else if (value instanceof String text) {
      writer.writeString(text);
    } else if (value instanceof Integer number) {
      writer.writeInt32(number);
    } else if (value instanceof Long number) {
      writer.writeInt64(number);
    } else if (value instanceof Double number) {
      writer.writeDouble(number);
    } else if (value instanceof Boolean flag) {
      writer.writeBoolean(flag);
    } else if (value instanceof Date date) {
      writer.writeDateTime(date.getTime());
    } else if (value instanceof ObjectId id) {
      writer.writeObjectId(id);
    } else if (value instanceof Map<?, ?> map && keyedByText(map)) {
      @SuppressWarnings("unchecked")
      Map<String, ?> nested = (Map<String, ?>) map;
      writer.writeStartDocument();
      return fields(writer, nested, false);
    } else if (value instanceof Collection<?> items) {
      writer.writeStartArray();
      for (Object item : items) {
        if (!value(writer, item)) {
          return false;
        }
      }
      writer.writeEndArray();
    } else {
      return false;
    }
    return true;
  }

  private static boolean keyedByText(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        return false;
      }
    }
    return true;
  }
}
