package org.infointerview.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.infointerview.events.EventHeaders;
import org.infointerview.events.EventType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer that names the types it reads gets those read whole and the others passed over: their
 * type and id from the headers, never their payload (not even a broken one).
 */
class EnvelopesTest {

  private static final String WRITER = "this-instance";

  private static final byte[] BROKEN = "{\"type\": \"ContactCreated\", \"data\": {".getBytes();

  @Test
  void aConsumerNamingItsTypesReadsThoseWholeAndPassesTheOthersOverUnread() throws IOException {
    Envelopes envelopes = envelopes(Map.of(Envelopes.TYPES, "PersonErased, ContactErased"));

    IncomingEvent erased =
        envelopes.deserialize("contacts.events", headers("PersonErased", "e-1"), golden());
    assertThat(erased.type()).isEqualTo("PersonErased");
    assertThat(erased.data().has("userId")).isTrue();

    IncomingEvent created =
        envelopes.deserialize("contacts.events", headers("ContactCreated", "e-2"), BROKEN);
    assertThat(created.type()).isEqualTo("ContactCreated");
    assertThat(created.id()).isEqualTo("e-2");
    assertThat(created.data().isEmpty()).isTrue();
  }

  @Test
  void aRecordWithoutTheTypeHeaderAndEveryRecordOfAConsumerNamingNoTypesAreReadWhole() {
    // read whole: the broken payload fails as it does for every consumer (and goes to the DLT)
    Envelopes naming = envelopes(Map.of(Envelopes.TYPES, "PersonErased"));
    assertThatThrownBy(() -> naming.deserialize("contacts.events", new RecordHeaders(), BROKEN))
        .isInstanceOf(RuntimeException.class);

    Envelopes all = envelopes(Map.of());
    assertThatThrownBy(
            () -> all.deserialize("contacts.events", headers("ContactCreated", "e-3"), BROKEN))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void aConsumerNamingDataFieldsGetsTheEnvelopeWithThoseFieldsOnly() throws IOException {
    byte[] created = golden(EventType.CONTACT_CREATED);
    IncomingEvent whole =
        envelopes(Map.of())
            .deserialize("contacts.events", headers("ContactCreated", "e-4"), created);
    Envelopes naming = envelopes(Map.of(Envelopes.DATA, "version, consent, noSuchField"));

    IncomingEvent part =
        naming.deserialize("contacts.events", headers("ContactCreated", "e-4"), created);

    assertThat(part).usingRecursiveComparison().ignoringFields("data").isEqualTo(whole);
    assertThat(part.data().propertyNames()).containsExactlyInAnyOrder("version", "consent");
    assertThat(part.data().get("version")).isEqualTo(whole.data().get("version"));
    assertThat(part.data().get("consent")).isEqualTo(whole.data().get("consent"));
    assertThat(whole.data().size()).as("the others were there").isGreaterThan(2);
    assertThatThrownBy(
            () -> naming.deserialize("contacts.events", headers("ContactCreated", "e-5"), BROKEN))
        .as("a broken payload still fails (and goes to the DLT)")
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(
            () ->
                naming.deserialize(
                    "contacts.events", headers("ContactCreated", "e-6"), "[1]".getBytes()))
        .isInstanceOf(RuntimeException.class);
    byte[] trailed = (new String(created, StandardCharsets.UTF_8) + " {}").getBytes();
    assertThatThrownBy(
            () -> naming.deserialize("contacts.events", headers("ContactCreated", "e-7"), trailed))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void aConsumerSkippingOwnEventsPassesOverUnreadWhatThisInstanceWroteAndReadsTheRest()
      throws IOException {
    Envelopes skipping = envelopes(Map.of(Envelopes.OWN, "skip"));

    IncomingEvent own =
        skipping.deserialize("contacts.events", written("ContactCreated", "e-8", WRITER), BROKEN);
    assertThat(own.unread()).isTrue();
    assertThat(own.type()).isEqualTo("ContactCreated");
    assertThat(own.id()).isEqualTo("e-8");

    byte[] created = golden(EventType.CONTACT_CREATED);
    IncomingEvent others =
        skipping.deserialize(
            "contacts.events", written("ContactCreated", "e-9", "another-instance"), created);
    assertThat(others.unread()).isFalse();
    assertThat(others.data().has("version")).isTrue();
    assertThat(
            skipping
                .deserialize("contacts.events", headers("ContactCreated", "e-10"), created)
                .unread())
        .as("no writer header: stored before instances named themselves, read")
        .isFalse();
  }

  @Test
  void aConsumerNotAskingReadsEvenItsOwnEvents() throws IOException {
    IncomingEvent own =
        envelopes(Map.of())
            .deserialize(
                "contacts.events",
                written("ContactCreated", "e-11", WRITER),
                golden(EventType.CONTACT_CREATED));
    assertThat(own.unread()).isFalse();
    assertThat(own.data().has("version")).isTrue();
  }

  @Test
  void anOwnEventsSettingOtherThanSkipStopsTheConsumerFromStarting() {
    assertThatThrownBy(() -> envelopes(Map.of(Envelopes.OWN, "ignore")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the only choice is skip");
  }

  @Test
  void aTypeTheCatalogueDoesNotKnowStopsTheConsumerFromStarting() {
    assertThatThrownBy(() -> envelopes(Map.of(Envelopes.TYPES, "PersonErased,PersonErazed")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no event type is called PersonErazed");
  }

  private static Envelopes envelopes(Map<String, Object> configs) {
    JsonMapper lenient = EventReader.lenient(JsonMapper.builder().build());
    Envelopes envelopes =
        new Envelopes(
            new JacksonJsonDeserializer<>(IncomingEvent.class, lenient, false), lenient, WRITER);
    envelopes.configure(configs, false);
    return envelopes;
  }

  private static RecordHeaders written(String type, String id, String writer) {
    RecordHeaders headers = headers(type, id);
    headers.add(EventHeaders.WRITER, writer.getBytes(StandardCharsets.UTF_8));
    return headers;
  }

  private static RecordHeaders headers(String type, String id) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
    headers.add("ce_id", id.getBytes(StandardCharsets.UTF_8));
    return headers;
  }

  private static byte[] golden() throws IOException {
    return golden(EventType.PERSON_ERASED);
  }

  private static byte[] golden(EventType type) throws IOException {
    try (InputStream in =
        EnvelopesTest.class.getClassLoader().getResourceAsStream(type.goldenExample())) {
      return in.readAllBytes();
    }
  }
}
