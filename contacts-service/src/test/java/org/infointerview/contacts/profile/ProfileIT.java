package org.infointerview.contacts.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.infointerview.events.EventType;
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

  private static final Duration WAIT = Duration.ofSeconds(30);

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
  void aStudentsStudiesAsTheProviderSaysThemAreKeptAndAnnouncedAndNonsenseIsLeftOut() {
    String subject = "s-" + UUID.randomUUID();
    String userId = IDP.userId(subject);
    String token =
        IDP.token(
            subject,
            TestIdentityProvider.AUDIENCE,
            Map.of(
                "roles", List.of("student"),
                "class_year", "2027",
                "major", "Biology",
                "program", "College of Arts and Sciences"));
    String hostile =
        IDP.token(
            subject,
            TestIdentityProvider.AUDIENCE,
            Map.of(
                "roles",
                List.of("student"),
                "class_year",
                27,
                "major",
                "Bio\u0000logy",
                "program",
                "x".repeat(201)));

    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      api.get("/me", token);
      JsonNode said =
          jsonMapper.readTree(
              events.published(userId, EventType.USER_PROFILE_PROVISIONED, WAIT).value());
      assertThat(said.get("data").get("classYear").asInt()).isEqualTo(2027);
      assertThat(said.get("data").get("major").asString()).isEqualTo("Biology");
      assertThat(said.get("data").get("program").asString())
          .isEqualTo("College of Arts and Sciences");

      api.get("/me", hostile);
      List<JsonNode> again =
          events.pollFor(Duration.ofSeconds(3)).stream()
              .filter(r -> userId.equals(r.key()))
              .map(r -> jsonMapper.readTree(r.value()))
              .filter(e -> e.get("data").get("version").asLong() == 1)
              .toList();
      assertThat(again).as("the provider's nonsense is a change: nothing said").hasSize(1);
      assertThat(again.get(0).get("data").get("classYear").isNull()).isTrue();
      assertThat(again.get(0).get("data").get("major").isNull()).isTrue();
      assertThat(again.get(0).get("data").get("program").isNull()).isTrue();
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
