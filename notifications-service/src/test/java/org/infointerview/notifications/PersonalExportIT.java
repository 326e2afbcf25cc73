package org.infointerview.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.infointerview.notifications.calendar.CalendarFeeds;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.notifications.inbox.Inbox;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.Archives;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /me/export} over HTTP: a person's archive holds the address mail goes to, their
 * preferences, their inbox, the messages addressed to them and whether they have a calendar feed
 * (never the feed's secret address); another person's holds none of it.
 */
@ServiceIT
class PersonalExportIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;
  @Autowired Inbox inbox;
  @Autowired Deliveries deliveries;
  @Autowired CalendarFeeds feeds;

  @Test
  void aPersonGetsTheirAddressPreferencesInboxMessagesAndFeedButNoSecret() {
    String subject = "student-" + UUID.randomUUID();
    String userId = IDP.userId(subject);
    String token = IDP.token(subject, "student");
    String address = subject + "@example.edu";
    String secret =
        KeptAboutAPerson.of(userId, address, mongo, inbox, deliveries, feeds).feedSecret();

    Map<String, String> mine = export(token);

    assertThat(mine.keySet())
        .containsExactlyInAnyOrder(
            "recipient.json",
            "preferences.json",
            "inbox.json",
            "messages.json",
            "calendar-feed.json",
            "audit-about-you.json",
            "manifest.json");
    assertThat(List.copyOf(mine.keySet())).last().isEqualTo("manifest.json");
    assertThat(json.readTree(mine.get("recipient.json")).get("email").asString())
        .isEqualTo(address);
    assertThat(json.readTree(mine.get("inbox.json")).findValuesAsString("body"))
        .contains("Ada accepted.");
    JsonNode messages = json.readTree(mine.get("messages.json"));
    assertThat(messages.size()).isEqualTo(1);
    assertThat(messages.get(0).get("subject").asString()).isEqualTo("Your interview tomorrow");
    assertThat(messages.get(0).get("text").asString()).isEqualTo("Meet Ada at 10.");
    assertThat(json.readTree(mine.get("calendar-feed.json")).get("active").asBoolean()).isTrue();
    assertThat(String.join("\n", mine.values()))
        .as("the feed's address is a secret an archive passed on would give away")
        .doesNotContain(secret);
    assertThat(json.readTree(mine.get("preferences.json")).has("emailReminders")).isTrue();

    Map<String, String> theirs = export(IDP.token("student-" + UUID.randomUUID(), "student"));
    assertThat(String.join("\n", theirs.values()))
        .doesNotContain(address, "Ada accepted", "Your interview tomorrow");
    assertThat(json.readTree(theirs.get("calendar-feed.json")).get("active").asBoolean()).isFalse();
  }

  private Map<String, String> export(String token) {
    HttpResponse<byte[]> response = api.download("/me/export", token);
    assertThat(response.statusCode()).isEqualTo(200);
    return Archives.files(response.body());
  }
}
