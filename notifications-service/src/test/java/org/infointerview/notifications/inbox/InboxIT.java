package org.infointerview.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.notifications.RecipientFixtures;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.Mailbox;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a student is told lands in their inbox as well as in their mail: listed newest first,
 * counted while unread, marked read one by one or all at once; nobody else sees it.
 */
@ServiceIT
class InboxIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final Duration WAIT = Duration.ofSeconds(30);

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;
  @Autowired Inbox inbox;

  @Test
  void anAnswerToTheStudentsRequestIsInTheirInboxAndTheirMail() throws Exception {
    String subject = "s-" + UUID.randomUUID();
    String studentId = IDP.userId(subject);
    String address = subject + "@example.edu";
    RecipientFixtures.store(mongo, studentId, address, "Sam Student", "America/Chicago");
    String token = IDP.token(subject, "student");
    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      for (String answer : new String[] {"DECLINED", "PROPOSED"}) {
        producer
            .send(
                new ProducerRecord<>(
                    Topics.INTERVIEWS,
                    "i-inbox",
                    GoldenEvent.of(EventType.REQUEST_ANSWERED)
                        .with("studentId", studentId)
                        .with("answer", answer)
                        .json()))
            .get();
      }
    }
    await().atMost(WAIT).until(() -> json.readTree(ok(api.get("/me/inbox", token))).size() == 2);

    JsonNode entries = json.readTree(ok(api.get("/me/inbox", token)));
    assertThat(entries.get(0).get("title").asString()).isEqualTo("Ada Park answered your request");
    assertThat(entries.get(0).get("body").asString()).contains("Hello Sam Student");
    assertThat(unread(token)).isEqualTo(2);
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 2);

    String first = entries.get(0).get("id").asString();
    JsonNode read = json.readTree(ok(api.post("/me/inbox/" + first + "/read", token, "")));
    assertThat(read.get("readAt").isNull()).isFalse();
    assertThat(unread(token)).isEqualTo(1);
    HttpResponse<String> intruder =
        api.post("/me/inbox/" + first + "/read", IDP.token("other-" + subject, "student"), "");
    assertThat(intruder.statusCode()).isEqualTo(404);
    assertThat(intruder.body()).doesNotContain("Ada Park");
    assertThat(json.readTree(ok(api.get("/me/inbox", IDP.token("other-" + subject, "student")))))
        .isEmpty();

    assertThat(json.readTree(ok(api.post("/me/inbox/read-all", token, ""))).get("marked").asLong())
        .isEqualTo(1);
    assertThat(unread(token)).isZero();
  }

  /**
   * A busy inbox's index holds the newest entries only, each once: it is one document written whole
   * on every message, and a person's every message ever made each write cost more than the last.
   */
  @Test
  void aPersonsIndexKeepsTheNewestEntriesOnlyEachOnce() {
    String userId = "busy-" + UUID.randomUUID();
    for (int n = 0; n <= Inbox.NEWEST; n++) {
      inbox.add("e" + n + "-" + userId, userId, "REQUEST_ANSWERED", "Title " + n, "Body");
    }
    Document index = mongo.findById(userId, Document.class, Inbox.INDEX);
    List<String> ids = index.getList("ids", String.class);
    assertThat(ids).hasSize(Inbox.NEWEST).doesNotContain("e0-" + userId);
    assertThat(ids.get(ids.size() - 1)).isEqualTo("e" + Inbox.NEWEST + "-" + userId);
    long rev = index.get("rev", Number.class).longValue();

    // the newest again (a retried message): neither twice nor a change for live streams
    inbox.add("e" + Inbox.NEWEST + "-" + userId, userId, "REQUEST_ANSWERED", "Title", "Body");
    Document again = mongo.findById(userId, Document.class, Inbox.INDEX);
    assertThat(again.getList("ids", String.class)).isEqualTo(ids);
    assertThat(again.get("rev", Number.class).longValue()).isEqualTo(rev);
    assertThat(inbox.unread(userId)).isEqualTo(Inbox.NEWEST);
  }

  private long unread(String token) {
    return json.readTree(ok(api.get("/me/inbox/unread-count", token))).get("unread").asLong();
  }

  private static String ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
