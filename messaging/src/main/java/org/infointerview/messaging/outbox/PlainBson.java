package org.infointerview.messaging.outbox;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinaryWriter;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.ObjectId;

/**
 * Documents as BSON the way the driver's {@code DocumentCodec} writes them for an insert (the id
 * first), before they go to the driver: a bulk insert then sends bytes it only copies. The values a
 * converter makes (strings, numbers, booleans, dates, ObjectIds, nested documents and lists) are
 * written straight through a {@link BsonBinaryWriter}, every other value by the registry's codec
 * for it. The driver looks up a codec through its registry for every value of every document, and
 * writes strings a byte at a time: a fifth of contacts-service's CPU during an import.
 */
final class PlainBson {

  private static final EncoderContext CHILD = EncoderContext.builder().build();

  private final CodecRegistry registry;

  PlainBson(CodecRegistry registry) {
    this.registry = registry;
  }

  /** The documents as BSON, sharing one buffer. */
  List<RawBsonDocument> encode(List<Document> documents) {
    BasicOutputBuffer out = new OutboxBatches.StringsAtOnce();
    int[] starts = new int[documents.size() + 1];
    try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
      for (int i = 0; i < documents.size(); i++) {
        starts[i] = out.getPosition();
        Document document = documents.get(i);
        writer.writeStartDocument();
        if (document.containsKey("_id")) {
          writer.writeName("_id");
          value(writer, document.get("_id"));
        }
        for (Map.Entry<String, Object> field : document.entrySet()) {
          if (!field.getKey().equals("_id")) {
            writer.writeName(field.getKey());
            value(writer, field.getValue());
          }
        }
        writer.writeEndDocument();
      }
      starts[documents.size()] = out.getPosition();
    }
    byte[] bytes = out.getInternalBuffer();
    RawBsonDocument[] raw = new RawBsonDocument[documents.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = new RawBsonDocument(bytes, starts[i], starts[i + 1] - starts[i]);
    }
    return List.of(raw);
  }

  private void value(BsonWriter writer, Object value) {
    if (value == null) {
      writer.writeNull();
      return;
    }
    Class<?> type = value.getClass();
    if (type == String.class) {
      writer.writeString((String) value);
    } else if (type == Integer.class) {
      writer.writeInt32((Integer) value);
    } else if (type == Long.class) {
      writer.writeInt64((Long) value);
    } else if (type == Double.class) {
      writer.writeDouble((Double) value);
    } else if (type == Boolean.class) {
      writer.writeBoolean((Boolean) value);
    } else if (type == Date.class) {
      writer.writeDateTime(((Date) value).getTime());
    } else if (type == ObjectId.class) {
      writer.writeObjectId((ObjectId) value);
    } else if (value instanceof Map<?, ?> map) {
      // as DocumentCodec writes a nested map: in its own order, the id where it stands
      writer.writeStartDocument();
      for (Map.Entry<?, ?> field : map.entrySet()) {
        writer.writeName((String) field.getKey());
        value(writer, field.getValue());
      }
      writer.writeEndDocument();
    } else if (value instanceof Iterable<?> items) {
      writer.writeStartArray();
      for (Object item : items) {
        value(writer, item);
      }
      writer.writeEndArray();
    } else {
      encode(writer, value);
    }
  }

  private <T> void encode(BsonWriter writer, T value) {
    @SuppressWarnings("unchecked")
    Codec<T> codec = (Codec<T>) registry.get(value.getClass());
    CHILD.encodeWithChildContext(codec, writer, value);
  }
}
