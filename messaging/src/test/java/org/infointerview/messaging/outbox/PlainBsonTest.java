package org.infointerview.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinaryWriter;
import org.bson.BsonSerializationException;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** A new aggregate's document goes out as the very bytes the driver would have written. */
class PlainBsonTest {

  @Test
  void writesTheSameBytesAsTheDriverItsIdFirst() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("optedIn", true);
    nested.put("at", new Date(1_700_000_000_000L));
    Document document =
        new Document("givenName", "Søren 😀")
            .append("_id", new ObjectId())
            .append("broken", "Zoë \ud800")
            .append("year", 2011)
            .append("version", 0L)
            .append("score", 0.5)
            .append("nothing", null)
            .append("consent", nested)
            .append("phones", List.of("+13125550101", "+442079460958"))
            .append("rows", List.of(new Document("n", 1), List.of("deep")))
            .append("outbox", List.of());

    RawBsonDocument plain = PlainBson.encode(document);

    assertThat(plain).isNotNull();
    assertThat(Arrays.copyOf(plain.getByteBuffer().array(), plain.getByteBuffer().limit()))
        .isEqualTo(driver(document));
    assertThat(plain.getFirstKey()).isEqualTo("_id");
  }

  @Test
  void aDocumentWithAnotherKindOfValueOrWithoutAnIdIsLeftToTheDriver() {
    assertThat(PlainBson.encode(new Document("_id", "a").append("amount", new BigDecimal("1.5"))))
        .isNull();
    assertThat(PlainBson.encode(new Document("_id", "a").append("m", Map.of(1, "one")))).isNull();
    assertThat(PlainBson.encode(new Document("name", "no id"))).isNull();
  }

  @Test
  void aFieldNameWithANullCharacterIsRefusedAsTheDriverRefusesIt() {
    assertThatThrownBy(() -> PlainBson.encode(new Document("_id", "a").append("bad\u0000", 1)))
        .isInstanceOf(BsonSerializationException.class);
  }

  private static byte[] driver(Document document) {
    BasicOutputBuffer out = new BasicOutputBuffer();
    new DocumentCodec()
        .encode(
            new BsonBinaryWriter(out),
            document,
            EncoderContext.builder().isEncodingCollectibleDocument(true).build());
    return out.toByteArray();
  }
}
