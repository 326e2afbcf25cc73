package org.infointerview.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.infointerview.events.Topics;
import org.infointerview.events.contacts.ContactErased;
import org.infointerview.events.contacts.ContactMerged;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OutboxTest {

  private final Outbox outbox =
      new Outbox(
          "/contacts-service",
          JsonMapper.builder().build(),
          Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC));

  @Test
  void aCataloguedEventGoesToItsTopicKeyedByItsSubject() {
    OutboxEntry entry = outbox.entry(new ContactMerged("survivor-1", "merged-2", 4));

    assertThat(entry.topic()).isEqualTo(Topics.CONTACTS);
    assertThat(entry.type()).isEqualTo("ContactMerged");
    assertThat(entry.key())
        .as("the survivor, not the record it is stored with")
        .isEqualTo("survivor-1");
    assertThat(entry.envelope())
        .contains("\"subject\":\"survivor-1\"")
        .contains("\"source\":\"/contacts-service\"")
        .doesNotContain("\"subject\":\"survivor-1\",\"mergedId\"");
    assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2026-12-05T08:00:00Z"));
  }

  @Test
  void aChangeThatChangedNothingCarriesNoFacts() {
    Changed<String> nothing = Changed.nothing("state");
    Changed<String> erased = Changed.to("state", new ContactErased("c-1"));

    assertThat(nothing.changed()).isFalse();
    assertThat(nothing.events()).isEmpty();
    assertThat(erased.changed()).isTrue();
    assertThat(erased.and(new ContactErased("c-2")).events()).hasSize(2);
  }
}
