package org.infointerview.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Documents encoded before the insert are byte for byte what the driver would have sent. */
class PlainBsonTest {

  private static final CodecRegistry REGISTRY = MongoClientSettings.getDefaultCodecRegistry();

  @Test
  void everyKindOfValueIsWrittenAsTheDriverWritesItForAnInsert() {
    Map<String, Object> plainMap = new LinkedHashMap<>();
    plainMap.put("b", 2);
    plainMap.put("a", "one");
    Document first =
        new Document("name", "Søren Łukasiewicz 😀 \uD800 broken")
            .append("_id", new ObjectId()) // not first: an insert writes it first all the same
            .append("count", 7)
            .append("big", 7L)
            .append("ratio", 2.5)
            .append("optedIn", true)
            .append("at", new Date(1_796_593_957_228L))
            .append("nothing", null)
            .append(
                "nested",
                new Document("x", 1).append("_id", "inner id stays where it stands").append("y", 2))
            .append("list", List.of("a", 1, new Document("k", "v"), List.of(true, 3L)))
            .append("plainMap", plainMap)
            .append("set", Set.of("only"))
            .append("binary", new Binary(new byte[] {1, 2, 3}))
            .append("decimal", new Decimal128(new BigDecimal("12.50")))
            .append("array", Arrays.asList(null, "x"));
    Document second = new Document("_id", "a string id").append("empty", new Document());

    List<RawBsonDocument> encoded = new PlainBson(REGISTRY).encode(List.of(first, second));

    assertThat(encoded).hasSize(2);
    assertThat(bytes(encoded.get(0))).isEqualTo(driver(first));
    assertThat(bytes(encoded.get(1))).isEqualTo(driver(second));
    assertThat(encoded.get(0).getObjectId("_id").getValue()).isEqualTo(first.get("_id"));
    assertThat(encoded.get(0).getFirstKey()).isEqualTo("_id");
  }

  private static byte[] driver(Document document) {
    BasicOutputBuffer out = new BasicOutputBuffer();
    new DocumentCodec(REGISTRY)
        .encode(
            new BsonBinaryWriter(out),
            document,
            EncoderContext.builder().isEncodingCollectibleDocument(true).build());
    return out.toByteArray();
  }

  private static byte[] bytes(RawBsonDocument document) {
    var buffer = document.getByteBuffer();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
