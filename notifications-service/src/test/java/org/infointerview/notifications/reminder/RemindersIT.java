package org.infointerview.notifications.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.notifications.ContactsServiceStub;
import org.infointerview.notifications.RecipientFixtures;
import org.infointerview.notifications.delivery.Delivery;
import org.infointerview.notifications.delivery.DeliveryStatus;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.Mailbox;
import org.infointerview.testinfra.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A student's meeting reminders, and the person's, from interviews-service's due times, as on the
 * wire: queued for their time, moved when the time moves, dropped when it is called off, never
 * changed by an older fact, and sent once when their time comes (the clock moved on, the mail read
 * from the SMTP server).
 */
@SpringBootTest(properties = "spring.application.name=notifications-reminders")
@InfrastructureTest
@Import(MovableClock.AsTheClock.class)
class RemindersIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired MongoTemplate mongo;
  @Autowired ProcessedEvents processedEvents;
  @Autowired JsonMapper json;
  @Autowired MovableClock clock;

  private String contactId = new ObjectId().toHexString();

  @DynamicPropertySource
  static void contactsService(DynamicPropertyRegistry registry) {
    ContactsServiceStub.register(registry);
  }

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void aMeetingIsRemindedOfADayAndAnHourBeforeItsTimeWhichMayMoveOrBeCalledOff() throws Exception {
    String address = "sam-" + UUID.randomUUID() + "@example.edu";
    String studentId = RecipientFixtures.student(mongo, address, "Sam Student", "America/Chicago");
    String interviewId = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    contactId = new ObjectId().toHexString();
    String person = "ada-" + contactId + "@example.org";
    ContactsServiceStub.person(contactId, person, "Ada Park", "Europe/London", true);
    Instant first = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
    Instant moved = first.plus(Duration.ofDays(1));

    publish(due(interviewId, studentId, first, 1));
    awaitPlanned(interviewId, 1);
    List<String> firstIds = students(planned(interviewId));
    List<String> theirFirstIds = persons(planned(interviewId));
    assertThat(theirFirstIds).hasSize(2);
    assertThat(firstIds).hasSize(2);
    assertThat(firstIds.stream().map(id -> delivery(id).nextAttemptAt()))
        .containsExactlyInAnyOrder(
            first.minus(Duration.ofDays(1)), first.minus(Duration.ofHours(1)));

    publish(due(interviewId, studentId, moved, 2));
    awaitPlanned(interviewId, 2);
    String older = due(interviewId, studentId, first, 1);
    publish(older);
    await()
        .atMost(WAIT)
        .until(
            () ->
                processedEvents.processed(
                    ReminderListener.CONSUMER, json.readTree(older).get("id").asString()));

    assertThat(firstIds)
        .allSatisfy(id -> assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.DROPPED));
    assertThat(theirFirstIds)
        .allSatisfy(id -> assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.DROPPED));
    List<String> movedIds = students(planned(interviewId));
    assertThat(movedIds).hasSize(2).doesNotContainAnyElementsOf(firstIds);
    assertThat(Mailbox.receivedBy(address)).as("nothing before its time").isEmpty();

    clock.advance(Duration.ofDays(3).plus(Duration.ofMinutes(1)));
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 1);
    assertThat(Mailbox.receivedBy(address).get(0).getSubject())
        .isEqualTo("Tomorrow: your conversation with Ada Park");
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(person).size() == 1);
    MimeMessage theirs = Mailbox.receivedBy(person).get(0);
    assertThat(theirs.getSubject())
        .isEqualTo("Tomorrow: your conversation with Sam Student, a student");
    assertThat(Mailbox.part(theirs, "text/plain"))
        .contains("Hello Ada Park,")
        .contains("Europe/London")
        .doesNotContain("turn them off in your preferences");
    assertThat(theirs.getHeader("List-Unsubscribe", null)).contains("/unsubscribe/" + contactId);

    publish(due(interviewId, studentId, null, 3));
    awaitPlanned(interviewId, 3);
    clock.advance(Duration.ofDays(1));
    Thread.sleep(2_500);
    assertThat(Mailbox.receivedBy(address))
        .as("the hour's reminder of a meeting called off")
        .hasSize(1);
    assertThat(Mailbox.receivedBy(person)).as("theirs neither").hasSize(1);
    assertThat(movedIds.stream().map(id -> delivery(id).status()).toList())
        .containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.DROPPED);
  }

  private String due(String interviewId, String studentId, Instant meeting, long version) {
    return GoldenEvent.of(EventType.INTERVIEW_DUE_DATES_CHANGED)
        .about(interviewId)
        .with("interviewId", interviewId)
        .with("studentId", studentId)
        .with("contactId", contactId)
        .with("meetingStartsAt", meeting == null ? null : meeting.toString())
        .with("thankYouDueAt", (String) null)
        .with("keepInTouchDueAt", (String) null)
        .withEmpty("actionItemsDue")
        .with("version", version)
        .json();
  }

  private static List<String> students(List<String> ids) {
    return ids.stream().filter(id -> !id.contains("|PERSON_")).toList();
  }

  private static List<String> persons(List<String> ids) {
    return ids.stream().filter(id -> id.contains("|PERSON_")).toList();
  }

  private void publish(String fact) throws Exception {
    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      String key = json.readTree(fact).get("subject").asString();
      producer.send(new ProducerRecord<>(Topics.INTERVIEWS, key, fact)).get();
    }
  }

  private void awaitPlanned(String interviewId, long version) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              Document plan = mongo.findById(interviewId, Document.class, Reminders.PLANS);
              return plan != null && plan.get("version", Number.class).longValue() == version;
            });
  }

  private List<String> planned(String interviewId) {
    return mongo
        .findById(interviewId, Document.class, Reminders.PLANS)
        .getList("ids", String.class);
  }

  private Delivery delivery(String id) {
    return mongo.findById(id, Delivery.class);
  }
}
