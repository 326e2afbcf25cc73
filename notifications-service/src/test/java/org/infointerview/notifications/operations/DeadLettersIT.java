package org.infointerview.notifications.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.infointerview.events.Topics;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin finds what this service's consumers gave up on, with the group and the error, and sends
 * it back to its topic once: naming it again sends nothing, every re-drive is audited, and names
 * that are not this service's dead letters are refused in plain words.
 */
@ServiceIT
class DeadLettersIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final String DLT = Topics.deadLetter(Topics.INTERVIEWS);

  ApiClient api;

  @Autowired JsonMapper json;
  @Autowired MongoTemplate mongo;

  @Test
  void anAdminListsThisServicesDeadLettersAndRedrivesOneOnce() throws Exception {
    String admin = IDP.token("ops-" + UUID.randomUUID(), "admin");
    String key = "dead-" + UUID.randomUUID();
    String garbage = "{\"not an event\": true, \"owner\": \"sam@example.edu\"";
    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      producer.send(new ProducerRecord<>(Topics.INTERVIEWS, key, garbage)).get();
    }

    JsonNode letter =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> find(admin, key), found -> found != null);

    assertThat(letter.get("id").asString()).startsWith(DLT + ":");
    assertThat(letter.get("topic").asString()).isEqualTo(Topics.INTERVIEWS);
    assertThat(letter.get("consumerGroup").asString()).startsWith("notifications-service");
    assertThat(letter.get("error").asString()).isNotBlank();
    assertThat(letter.get("redrivenAt").isNull()).isTrue();
    assertThat(letter.toString()).doesNotContain("sam@example.edu");
    String id = letter.get("id").asString();

    try (TopicProbe original = TopicProbe.on(Topics.INTERVIEWS)) {
      HttpResponse<String> first = redrive(admin, id);
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(json.readTree(first.body()).get("outcomes").get(id).asString())
          .isEqualTo("REDRIVEN");

      var again =
          original.pollUntil(
              records ->
                  records.stream()
                      .anyMatch(r -> key.equals(r.key()) && r.headers().lastHeader(FROM) != null),
              Duration.ofSeconds(30));
      var redriven =
          again.stream()
              .filter(r -> key.equals(r.key()) && r.headers().lastHeader(FROM) != null)
              .findFirst()
              .orElseThrow();
      assertThat(redriven.value()).isEqualTo(garbage);
      assertThat(new String(redriven.headers().lastHeader(FROM).value(), StandardCharsets.UTF_8))
          .isEqualTo(id);
      assertThat(redriven.headers().lastHeader("kafka_dlt-exception-fqcn")).isNull();
    }

    HttpResponse<String> second = redrive(admin, id);
    assertThat(json.readTree(second.body()).get("outcomes").get(id).asString())
        .isEqualTo("ALREADY_REDRIVEN");
    assertThat(
            mongo.count(
                new Query(
                    Criteria.where("action").is("DEAD_LETTER_REDRIVEN").and("resourceId").is(id)),
                Document.class,
                "audit_log"))
        .isEqualTo(1);
    assertThat(find(admin, key).get("redrivenAt").isNull()).isFalse();
  }

  @Test
  void namesThatAreNotThisServicesDeadLettersAreRefusedInPlainWords() throws Exception {
    String admin = IDP.token("ops-" + UUID.randomUUID(), "admin");

    HttpResponse<String> otherTopic = redrive(admin, "payroll.events-dlt:0:1");
    HttpResponse<String> notAnId = redrive(admin, "'; drop table --");
    HttpResponse<String> nowhere = redrive(admin, DLT + ":0:999999999");
    HttpResponse<String> pastLong = redrive(admin, DLT + ":0:9999999999999999999");
    HttpResponse<String> badTopic = api.get("/dead-letters?topic=payroll.events-dlt", admin);

    for (HttpResponse<String> refused :
        new HttpResponse[] {otherTopic, notAnId, badTopic, pastLong}) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(refused.body()).doesNotContain("Exception").doesNotContain("org.");
    }
    assertThat(otherTopic.body()).contains("is not a dead letter of this service");
    assertThat(nowhere.statusCode()).isEqualTo(200);
    assertThat(json.readTree(nowhere.body()).get("outcomes").get(DLT + ":0:999999999").asString())
        .isEqualTo("NOT_FOUND");
    assertThat(redrive(IDP.token("s-" + UUID.randomUUID(), "student"), DLT + ":0:1").statusCode())
        .isEqualTo(403);
  }

  private static final String FROM = "infointerview-redriven-from";

  private JsonNode find(String admin, String key) {
    HttpResponse<String> listed = api.get("/dead-letters?topic=" + DLT + "&limit=500", admin);
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    for (JsonNode letter : json.readTree(listed.body()).get("deadLetters")) {
      if (key.equals(letter.path("key").asString(null))) {
        return letter;
      }
    }
    return null;
  }

  private HttpResponse<String> redrive(String token, String id) {
    return api.post("/dead-letters/redrive", token, "{\"ids\":[\"" + id.replace("\"", "") + "\"]}");
  }
}
