package org.infointerview.localrun;

import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;

/**
 * A stored document's BSON written straight into H2's page buffer when it holds only the values the
 * services store (strings, numbers, booleans, dates, ObjectIds, nulls, nested documents and lists):
 * byte for byte what mongo-java-server's {@link BsonEncoder} writes, without its detours (each list
 * copied into a document keyed "0", "1", ..., every document through a Netty buffer copied again),
 * which were a third of the store's CPU during an import. A document holding any other value is
 * left to {@link BsonEncoder}.
 *
 * <p>Embedded-store workaround, as {@link IdOrderedH2Backend}.
 */
final class PlainDocuments {

  /** Array indexes as BSON names ("0", "1", ...), for the lengths lists have. */
  private static final byte[][] INDEXES = new byte[1024][];

  static {
    for (int i = 0; i < INDEXES.length; i++) {
      INDEXES[i] = String.valueOf(i).getBytes(StandardCharsets.US_ASCII);
    }
  }

  private PlainDocuments() {}

  /**
   * Writes the document's BSON at the buffer's position; false, the buffer back where it was, when
   * a value is not one of the plain ones.
   */
  static boolean write(WriteBuffer buffer, Map<String, ?> document) {
    int start = buffer.position();
    if (document(buffer, document)) {
      return true;
    }
    buffer.position(start);
    return false;
  }

  private static boolean document(WriteBuffer buffer, Map<String, ?> document) {
    int start = buffer.position();
    buffer.putInt(0);
    for (Map.Entry<String, ?> field : document.entrySet()) {
      if (!element(buffer, field.getKey().getBytes(StandardCharsets.UTF_8), field.getValue())) {
        return false;
      }
    }
    return end(buffer, start);
  }

  private static boolean array(WriteBuffer buffer, Collection<?> items) {
    int start = buffer.position();
    buffer.putInt(0);
    int i = 0;
    for (Object item : items) {
      byte[] name =
          i < INDEXES.length ? INDEXES[i] : String.valueOf(i).getBytes(StandardCharsets.US_ASCII);
      if (!element(buffer, name, item)) {
        return false;
      }
      i++;
    }
    return end(buffer, start);
  }

  /** The closing zero, and the length (little-endian, as all of BSON) at the start. */
  private static boolean end(WriteBuffer buffer, int start) {
    buffer.put((byte) 0);
    buffer.putInt(start, Integer.reverseBytes(buffer.position() - start));
    return true;
  }

  private static boolean element(WriteBuffer buffer, byte[] name, Object value) {
    if (value == null) {
      head(buffer, 0x0A, name);
    } else if (value instanceof String text) {
      head(buffer, 0x02, name);
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      buffer.putInt(Integer.reverseBytes(utf8.length + 1)).put(utf8).put((byte) 0);
    } else if (value instanceof Integer number) {
      head(buffer, 0x10, name).putInt(Integer.reverseBytes(number));
    } else if (value instanceof Long number) {
      head(buffer, 0x12, name).putLong(Long.reverseBytes(number));
    } else if (value instanceof Double number) {
      head(buffer, 0x01, name).putLong(Long.reverseBytes(Double.doubleToRawLongBits(number)));
    } else if (value instanceof Boolean truth) {
      head(buffer, 0x08, name).put((byte) (truth ? 1 : 0));
    } else if (value instanceof Instant at) {
      head(buffer, 0x09, name).putLong(Long.reverseBytes(at.toEpochMilli()));
    } else if (value instanceof ObjectId id) {
      head(buffer, 0x07, name).put(id.toByteArray());
    } else if (value instanceof Map<?, ?> nested) {
      @SuppressWarnings("unchecked")
      Map<String, ?> fields = (Map<String, ?>) nested;
      return document(head(buffer, 0x03, name), fields);
    } else if (value instanceof Collection<?> items) {
      return array(head(buffer, 0x04, name), items);
    } else {
      return false;
    }
    return true;
  }

  private static WriteBuffer head(WriteBuffer buffer, int type, byte[] name) {
    return buffer.put((byte) type).put(name).put((byte) 0);
  }
}
