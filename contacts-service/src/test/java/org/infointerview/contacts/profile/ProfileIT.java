package org.infointerview.contacts.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.infointerview.events.Topics;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIT
class ProfileIT {

  ApiClient api;

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper jsonMapper;

  @Test
  void theFirstSightOfAPersonProvisionsTheirProfileOnceAndAnnouncesIt() {
    String subject = "s-" + UUID.randomUUID();
    String userId = IDP.userId(subject);
    String token =
        IDP.token(
            subject,
            TestIdentityProvider.AUDIENCE,
            Map.of(
                "roles",
                List.of("student"),
                "name",
                "Sam Student",
                "email",
                subject + "@example.edu",
                "zoneinfo",
                "America/Chicago"));

    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      JsonNode first = jsonMapper.readTree(api.get("/me", token).body());
      JsonNode second = jsonMapper.readTree(api.get("/me", token).body());

      assertThat(first.get("userId").asString()).isEqualTo(userId);
      assertThat(first.get("displayName").asString()).isEqualTo("Sam Student");
      assertThat(first.get("timeZone").asString()).isEqualTo("America/Chicago");
      assertThat(first.get("roles").get(0).asString()).isEqualTo("STUDENT");
      assertThat(second.get("firstSignInAt")).isEqualTo(first.get("firstSignInAt"));
      assertThat(mongo.findById(userId, UserProfile.class).version()).isZero();

      List<ConsumerRecord<String, String>> records = events.pollFor(Duration.ofSeconds(3));
      List<JsonNode> provisioned =
          records.stream()
              .filter(r -> userId.equals(r.key()))
              .map(r -> jsonMapper.readTree(r.value()))
              .toList();
      assertThat(provisioned).hasSize(1);
      assertThat(provisioned.get(0).get("type").asString()).isEqualTo("UserProfileProvisioned");
      assertThat(provisioned.get(0).get("data").get("email").asString())
          .isEqualTo(subject + "@example.edu");
    }
  }

  @Test
  void whatTheProviderChangesIsTakenOverAndAnnouncedAgain() {
    String subject = "s-" + UUID.randomUUID();
    String userId = IDP.userId(subject);
    api.get(
        "/me",
        IDP.token(
            subject,
            TestIdentityProvider.AUDIENCE,
            Map.of("roles", List.of("student"), "name", "Sam")));

    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      JsonNode changed =
          jsonMapper.readTree(
              api.get(
                      "/me",
                      IDP.token(
                          subject,
                          TestIdentityProvider.AUDIENCE,
                          Map.of("roles", List.of("alum"), "name", "Sam Graduate")))
                  .body());

      assertThat(changed.get("displayName").asString()).isEqualTo("Sam Graduate");
      assertThat(changed.get("roles").get(0).asString()).isEqualTo("ALUMNUS");
      assertThat(events.pollForKey(userId, Duration.ofSeconds(30)))
          .anySatisfy(r -> assertThat(r.value()).contains("\"version\":1"));
    }
  }
}
