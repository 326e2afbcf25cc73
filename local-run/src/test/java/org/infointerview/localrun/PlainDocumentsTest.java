package org.infointerview.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Documents of plain values are written as mongo-java-server's encoder writes them, or not at all.
 */
class PlainDocumentsTest {

  @Test
  void plainDocumentsAreWrittenByteForByteAsTheStoresEncoderWritesThem() {
    List<Object> long_ = new ArrayList<>();
    for (int i = 0; i < 1_100; i++) {
      long_.add(i % 2 == 0 ? "token-" + i : i);
    }
    Document document =
        new Document("_id", new ObjectId())
            .append("name", "Søren Łukasiewicz 😀 O'Brien")
            .append("count", 7)
            .append("big", 7L)
            .append("ratio", -2.5)
            .append("optedIn", true)
            .append("paused", false)
            .append("at", Instant.ofEpochMilli(1_796_593_957_228L))
            .append("nothing", null)
            .append("nested", new Document("x", 1).append("deeper", new Document("y", List.of())))
            .append("list", List.of("a", 1, new Document("k", "v"), List.of(true, 3L)))
            .append("set", new LinkedHashSet<>(List.of("one", "two")))
            .append("withNull", Arrays.asList(null, "x"))
            .append("tokens", long_)
            .append("empty", new Document());

    WriteBuffer written = new WriteBuffer();
    written.put((byte) 42);
    assertThat(PlainDocuments.write(written, document)).isTrue();

    ByteBuffer bytes = written.getBuffer().flip();
    assertThat(bytes.get()).as("what was there before stays").isEqualTo((byte) 42);
    byte[] plain = new byte[bytes.remaining()];
    bytes.get(plain);
    assertThat(plain).isEqualTo(encoded(document));
  }

  @Test
  void aDocumentWithAnyOtherValueIsLeftToTheEncoderAndNothingOfItWritten() {
    for (Object other :
        List.of(
            new Decimal128(1L, 2L),
            UUID.randomUUID(),
            List.of("a", new Decimal128(1L, 2L)),
            new Document("deep", new Document("uuid", UUID.randomUUID())))) {
      WriteBuffer written = new WriteBuffer();
      written.put((byte) 42);
      Document document = new Document("_id", "x").append("name", "A").append("other", other);

      assertThat(PlainDocuments.write(written, document)).isFalse();
      assertThat(written.position()).isEqualTo(1);
    }
  }

  private static byte[] encoded(Document document) {
    ByteBuf buffer = Unpooled.buffer();
    try {
      BsonEncoder.encodeDocument(document, buffer);
      byte[] bytes = new byte[buffer.readableBytes()];
      buffer.readBytes(bytes);
      return bytes;
    } finally {
      buffer.release();
    }
  }
}
