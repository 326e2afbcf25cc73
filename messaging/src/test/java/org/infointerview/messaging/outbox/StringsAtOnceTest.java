package org.infointerview.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonSerializationException;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Test;

/** A batch's events are packed to the very bytes the BSON library writes, only faster. */
class StringsAtOnceTest {

  private static final DocumentCodec CODEC = new DocumentCodec();

  @Test
  void packsTheSameBytesAsTheLibraryForEveryKindOfText() {
    String large = "{\"type\":\"ContactCreated\",\"name\":\"Zoë\"}".repeat(5_000);
    Document document =
        new Document(
            "items",
            List.of(
                new Document("id", "c-1")
                    .append("events", List.of(large, "ascii", "Søren Łukasiewicz 日本", "")),
                new Document("id", "c-2")
                    .append(
                        "events",
                        List.of(
                            "pair 😀 of surrogates",
                            "broken \ud800 one",
                            "\udc00",
                            "Zoë \ud800",
                            "a question? no surrogate"))
                    .append("n", 3)));

    byte[] library = encode(new BasicOutputBuffer(), document);
    byte[] fast = encode(new OutboxBatches.StringsAtOnce(), document);

    assertThat(fast).isEqualTo(library);
    assertThat(
            CODEC.decode(
                new BsonBinaryReader(ByteBuffer.wrap(fast)), DecoderContext.builder().build()))
        .isEqualTo(
            CODEC.decode(
                new BsonBinaryReader(ByteBuffer.wrap(library)), DecoderContext.builder().build()));
  }

  @Test
  void aFieldNameWithANullCharacterIsStillRefused() {
    assertThatThrownBy(
            () -> encode(new OutboxBatches.StringsAtOnce(), new Document("bad\u0000name", 1)))
        .isInstanceOf(BsonSerializationException.class);
  }

  private static byte[] encode(BasicOutputBuffer out, Document document) {
    CODEC.encode(new BsonBinaryWriter(out), document, EncoderContext.builder().build());
    return out.toByteArray();
  }
}
