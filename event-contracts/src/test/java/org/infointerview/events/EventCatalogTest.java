package org.infointerview.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.infointerview.events.contacts.ContactErased;
import org.infointerview.events.contacts.ContactMerged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventCatalogTest {

  private static final JsonMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyEventTypeHasAGoldenExampleThatReadsIntoItsRecordAndWritesBackUnchanged(EventType type)
      throws IOException {
    JsonNode golden = STRICT.readTree(golden(type));

    JavaType envelopeType =
        STRICT.getTypeFactory().constructParametricType(EventEnvelope.class, type.dataClass());
    EventEnvelope<?> envelope = STRICT.readValue(golden(type), envelopeType);

    assertThat(envelope.type()).isEqualTo(type.token());
    assertThat(envelope.specversion()).isEqualTo(EventEnvelope.SPEC_VERSION);
    assertThat(envelope.datacontenttype()).isEqualTo(EventEnvelope.CONTENT_TYPE);
    assertThat(envelope.schemaversion()).isEqualTo(type.schemaVersion());
    assertThat(envelope.id()).isNotBlank();
    assertThat(envelope.subject()).isNotBlank();
    assertThat(envelope.time()).isNotNull();
    assertThat(envelope.data()).isInstanceOf(type.dataClass());
    assertThat(((IntegrationEvent) envelope.data()).subject())
        .as("the event's subject is the envelope's, its Kafka key")
        .isEqualTo(envelope.subject());
    assertThat(STRICT.readTree(STRICT.writeValueAsString(envelope))).isEqualTo(golden);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyPayloadFieldAppearsInTheGoldenExample(EventType type) throws IOException {
    JsonNode data = STRICT.readTree(golden(type)).get("data");
    List<String> fields =
        Arrays.stream(type.dataClass().getRecordComponents()).map(c -> c.getName()).toList();

    assertThat(data.propertyNames()).containsExactlyInAnyOrderElementsOf(fields);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyEventTypeIsAMessageOfItsTopicInTheAsyncApiDocument(EventType type) throws IOException {
    Map<String, Object> asyncApi = asyncApi();

    assertThat(messages(asyncApi)).containsKey(type.token());
    assertThat(channelMessages(asyncApi, type.topic())).contains(type.token());
  }

  @Test
  void theAsyncApiDocumentNamesNoMessageThatTheCatalogueLacks() throws IOException {
    Set<String> tokens =
        Arrays.stream(EventType.values()).map(EventType::token).collect(Collectors.toSet());

    assertThat(messages(asyncApi()).keySet()).isSubsetOf(tokens);
  }

  @Test
  void everyTopicAndItsDeadLetterTwinIsAChannelInTheAsyncApiDocument() throws IOException {
    Map<String, Object> asyncApi = asyncApi();
    Set<String> addresses =
        channels(asyncApi).values().stream()
            .map(c -> (String) c.get("address"))
            .collect(Collectors.toSet());

    for (String topic : List.of(Topics.CONTACTS, Topics.INTERVIEWS, Topics.NOTIFICATIONS)) {
      assertThat(addresses).contains(topic, Topics.deadLetter(topic));
    }
  }

  @Test
  void everyGoldenFileBelongsToACataloguedType() throws IOException {
    Path contracts = Path.of("src/main/resources/contracts");
    Set<String> catalogued =
        Arrays.stream(EventType.values()).map(EventType::goldenExample).collect(Collectors.toSet());

    try (Stream<Path> files = Files.walk(contracts)) {
      List<String> golden =
          files
              .filter(Files::isRegularFile)
              .map(f -> "contracts/" + contracts.relativize(f).toString().replace('\\', '/'))
              .toList();
      assertThat(golden).isNotEmpty().allSatisfy(f -> assertThat(catalogued).contains(f));
    }
  }

  @Test
  void tokensAreUniqueAndLookedUpByTokenAndByPayload() {
    assertThat(Arrays.stream(EventType.values()).map(EventType::token).distinct())
        .hasSize(EventType.values().length);
    assertThat(EventType.ofToken("ContactMerged")).contains(EventType.CONTACT_MERGED);
    assertThat(EventType.ofToken("SomethingNew")).isEmpty();
    assertThat(EventType.of(ContactErased.class)).isEqualTo(EventType.CONTACT_ERASED);
  }

  @Test
  void anEnvelopeRefusesAPayloadOfAnotherType() {
    assertThatThrownBy(
            () ->
                EventEnvelope.of(
                    "e-1",
                    "/contacts-service",
                    EventType.CONTACT_CREATED,
                    "c-1",
                    Instant.EPOCH,
                    new ContactMerged("c-1", "c-2", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ContactCreated");
  }

  @Test
  void deadLetterTopicsAreTheTopicWithTheSuffix() {
    assertThat(Topics.deadLetter(Topics.CONTACTS)).isEqualTo("contacts.events-dlt");
    assertThat(Topics.CONTACTS_DLT).isEqualTo(Topics.deadLetter(Topics.CONTACTS));
  }

  private static InputStream golden(EventType type) {
    InputStream in =
        EventCatalogTest.class.getClassLoader().getResourceAsStream(type.goldenExample());
    assertThat(in).as("golden example %s", type.goldenExample()).isNotNull();
    return in;
  }

  private static Map<String, Object> asyncApi() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("../docs/asyncapi.yaml"))) {
      return new Yaml().load(in);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> messages(Map<String, Object> asyncApi) {
    return (Map<String, Object>) ((Map<String, Object>) asyncApi.get("components")).get("messages");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> channels(Map<String, Object> asyncApi) {
    return (Map<String, Map<String, Object>>) asyncApi.get("channels");
  }

  @SuppressWarnings("unchecked")
  private static Set<String> channelMessages(Map<String, Object> asyncApi, String address) {
    return channels(asyncApi).values().stream()
        .filter(c -> address.equals(c.get("address")))
        .flatMap(
            c -> ((Map<String, Object>) c.getOrDefault("messages", Map.of())).keySet().stream())
        .collect(Collectors.toSet());
  }
}
