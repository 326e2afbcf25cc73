package org.infointerview.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bson.Document;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.notifications.calendar.CalendarFeeds;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.notifications.inbox.Inbox;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * PersonErased heard here: the address, preferences, inbox and calendar feed go; the messages to
 * the person keep nothing of them; a reminder not yet sent to the person they were to meet is not
 * sent. Then facts about them read again under new event ids (as a fresh consumer group would): an
 * older profile brings no address back, and an older interview's due dates plan no reminder, while
 * the same interview's next fact about someone else is planned as ever.
 */
@ServiceIT
class PersonErasureIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final KafkaProducer<String, String> producer = Infrastructure.get().producer();

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired Inbox inbox;
  @Autowired Deliveries deliveries;
  @Autowired CalendarFeeds feeds;

  @AfterEach
  void closeProducer() {
    producer.close(Duration.ofSeconds(5));
  }

  @Test
  void everythingAboutThePersonGoesAndReadingTheirFactsAgainBringsNothingBack() throws Exception {
    String subject = "student-" + UUID.randomUUID();
    String userId = IDP.userId(subject);
    String address = subject + "@example.edu";
    String feed = KeptAboutAPerson.of(userId, address, mongo, inbox, deliveries, feeds).feedUrl();
    api.put(
        "/me/preferences",
        IDP.token(subject, "student"),
        "{\"emailReminders\": true, \"inAppReminders\": true, \"timeZone\": \"UTC\"}");
    String reminderId = "PERSON_MEETING_DAY|" + UUID.randomUUID();
    deliveries.queueAt(
        reminderId,
        Deliveries.Message.toContact(
            "PERSON_REMINDER",
            reminderId,
            "64b7f0c2a1d3e45f6a7b8c90",
            "{\"kind\":\"PERSON_MEETING_DAY\",\"interviewId\":\"i-1\",\"studentId\":\""
                + userId
                + "\",\"contactId\":\"64b7f0c2a1d3e45f6a7b8c90\",\"meetingStartsAt\":\""
                + Instant.now().plus(Duration.ofDays(3))
                + "\"}"),
        Instant.now().plus(Duration.ofDays(2)));

    String reference = "erasure-" + UUID.randomUUID();
    send(
        Topics.CONTACTS,
        GoldenEvent.of(EventType.PERSON_ERASED)
            .about(userId)
            .with("version", 1)
            .with("reference", reference)
            .at(Instant.now()));
    await()
        .atMost(WAIT)
        .until(
            () ->
                mongo.exists(
                    Query.query(Criteria.where("resourceId").is("erased:" + reference)),
                    AuditLog.COLLECTION));

    assertThat(mongo.findById(userId, Document.class, "recipients")).isNull();
    assertThat(mongo.findById(userId, Document.class, "notification_preferences")).isNull();
    assertThat(mongo.count(Query.query(Criteria.where("userId").is(userId)), "inbox")).isZero();
    assertThat(api.get(feed.substring(feed.indexOf("/calendar/")), null).statusCode())
        .isEqualTo(404);
    for (Document message :
        mongo.find(
            Query.query(Criteria.where("recipientId").is(userId)), Document.class, "deliveries")) {
      assertThat(message.toJson()).doesNotContain(address, "Sam Student", "Meet Ada");
    }
    assertThat(mongo.findById(reminderId, Document.class, "deliveries").getString("status"))
        .as("the person's reminder of a meeting with the erased student")
        .isEqualTo("DROPPED");
    long messages =
        mongo.count(Query.query(Criteria.where("recipientId").is(userId)), "deliveries");

    Instant before = Instant.now().minus(Duration.ofDays(1));
    GoldenEvent profile =
        GoldenEvent.of(EventType.USER_PROFILE_PROVISIONED)
            .about(userId)
            .with("email", address)
            .with("version", 0)
            .at(before);
    send(Topics.CONTACTS, profile);
    await()
        .atMost(WAIT)
        .until(
            () ->
                mongo.findById(
                        "notifications-service.profiles/" + profile.id(),
                        Document.class,
                        ProcessedEvents.COLLECTION)
                    != null);
    assertThat(mongo.findById(userId, Document.class, "recipients"))
        .as("an older profile of the erased person, read again")
        .isNull();

    String interview = "65c1a2b3" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String other = RecipientFixtures.student(mongo, "other@example.edu", "Olu Other", "UTC");
    send(
        Topics.INTERVIEWS,
        dueDates(interview, 5)
            .with("studentId", userId)
            .with("meetingStartsAt", Instant.now().plus(Duration.ofDays(3)).toString())
            .at(before));
    send(Topics.INTERVIEWS, dueDates(interview, 6).with("studentId", other).at(Instant.now()));
    await()
        .atMost(WAIT)
        .until(
            () -> mongo.exists(Query.query(Criteria.where("recipientId").is(other)), "deliveries"));
    assertThat(mongo.count(Query.query(Criteria.where("recipientId").is(userId)), "deliveries"))
        .as("no reminder planned for the erased student from their older fact")
        .isEqualTo(messages);
    assertThat(
            mongo.count(
                Query.query(Criteria.where("facts").regex(Pattern.quote(userId))), "deliveries"))
        .as("nor for the person they were to meet, naming them")
        .isZero();
  }

  private static GoldenEvent dueDates(String interview, long version) {
    return GoldenEvent.of(EventType.INTERVIEW_DUE_DATES_CHANGED)
        .about(interview)
        .with("version", version)
        .with("thankYouDueAt", Instant.now().plus(Duration.ofDays(2)).toString())
        .with("keepInTouchDueAt", Instant.now().plus(Duration.ofDays(30)).toString());
  }

  private void send(String topic, GoldenEvent event) throws Exception {
    String key = event.envelope().get("subject").asString();
    producer.send(GoldenEvent.asRelayed(topic, key, event.json())).get();
  }
}
