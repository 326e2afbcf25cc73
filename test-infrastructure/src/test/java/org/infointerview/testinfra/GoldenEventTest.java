package org.infointerview.testinfra;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.infointerview.events.EventType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class GoldenEventTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void theGoldenExampleItselfIsPublishedAsItsType() {
    GoldenEvent golden = GoldenEvent.of(EventType.CONTACT_CONSENT_CHANGED);

    assertThatCode(
            () ->
                GoldenEvent.assertPublishedAs(
                    EventType.CONTACT_CONSENT_CHANGED,
                    golden.envelope().get("subject").asString(),
                    golden.json()))
        .doesNotThrowAnyException();
  }

  @Test
  void aFieldTheExampleLacksOrMissesAtAnyDepthFailsIt() {
    GoldenEvent golden = GoldenEvent.of(EventType.CONTACT_CONSENT_CHANGED);
    String key = golden.envelope().get("subject").asString();
    ObjectNode extra = (ObjectNode) golden.envelope();
    ((ObjectNode) extra.get("data").get("consent")).put("channel", "EMAIL");
    ObjectNode missing = (ObjectNode) golden.envelope();
    ((ObjectNode) missing.get("data")).remove("changedBy");

    assertThatThrownBy(
            () ->
                GoldenEvent.assertPublishedAs(
                    EventType.CONTACT_CONSENT_CHANGED, key, JSON.writeValueAsString(extra)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(".data.consent");
    assertThatThrownBy(
            () ->
                GoldenEvent.assertPublishedAs(
                    EventType.CONTACT_CONSENT_CHANGED, key, JSON.writeValueAsString(missing)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(".data");
  }

  @Test
  void aKeyOtherThanTheSubjectOrAnotherTypeFailsIt() {
    GoldenEvent golden = GoldenEvent.of(EventType.CONTACT_MERGED);

    assertThatThrownBy(
            () -> GoldenEvent.assertPublishedAs(EventType.CONTACT_MERGED, "other", golden.json()))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () ->
                GoldenEvent.assertPublishedAs(
                    EventType.CONTACT_UPDATED,
                    golden.envelope().get("subject").asString(),
                    golden.json()))
        .isInstanceOf(AssertionError.class);
  }
}
