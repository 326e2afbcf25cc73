package org.infointerview.notifications.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.types.ObjectId;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.notifications.ContactsServiceStub;
import org.infointerview.notifications.RecipientFixtures;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A time agreed, moved and called off reaches the student's mail and the person's, each with the
 * calendar invitation, as another iCalendar parser (biweekly) reads it: one UID for the interview,
 * SEQUENCE rising with each time, REQUEST then CANCEL, the time in each reader's zone with its
 * VTIMEZONE, each the one attendee of their own; a name with a line break stays one property.
 */
@SpringBootTest
@InfrastructureTest
class InterviewInviteIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @DynamicPropertySource
  static void contactsService(DynamicPropertyRegistry registry) {
    ContactsServiceStub.register(registry);
  }

  @Autowired MongoTemplate mongo;

  @Test
  void aTimeAgreedMovedAndCalledOffIsOneCalendarEventThatFollowsEachChange() throws Exception {
    String address = "sam-" + UUID.randomUUID() + "@example.edu";
    String studentId = RecipientFixtures.student(mongo, address, "Sam Student", "America/Chicago");
    String interviewId = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    String evil = "Ada\r\nATTENDEE:mailto:evil@example.org\r\nSUMMARY:x; y, z \\";
    String contactId = new ObjectId().toHexString();
    String person = "ada-" + contactId + "@example.org";
    ContactsServiceStub.person(contactId, person, "Ada Park", "Europe/London", true);

    publish(
        GoldenEvent.of(EventType.INTERVIEW_SCHEDULED)
            .about(interviewId)
            .with("studentId", studentId)
            .with("contactId", contactId)
            .with("contactDisplayName", evil)
            .json());
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 1);
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(person).size() == 1);
    publish(
        GoldenEvent.of(EventType.INTERVIEW_RESCHEDULED)
            .about(interviewId)
            .with("studentId", studentId)
            .with("contactId", contactId)
            .json());
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 2);
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(person).size() == 2);
    publish(
        GoldenEvent.of(EventType.INTERVIEW_CANCELLED)
            .about(interviewId)
            .with("studentId", studentId)
            .with("contactId", contactId)
            .with("sequence", 2)
            .json());
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 3);
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(person).size() == 3);

    ICalendar agreed = invite(Mailbox.receivedBy(address).get(0));
    ICalendar moved = invite(Mailbox.receivedBy(address).get(1));
    ICalendar off = invite(Mailbox.receivedBy(address).get(2));

    assertThat(agreed.getMethod().getValue()).isEqualTo("REQUEST");
    VEvent first = agreed.getEvents().get(0);
    assertThat(first.getUid().getValue()).isEqualTo(interviewId + "@infointerview");
    assertThat(first.getSequence().getValue()).isZero();
    assertThat(first.getDateStart().getValue().toInstant())
        .isEqualTo(Instant.parse("2026-12-10T17:00:00Z"));
    assertThat(agreed.getTimezoneInfo().getTimezone(first.getDateStart()).getTimeZone().getID())
        .isEqualTo("America/Chicago");
    assertThat(first.getAttendees()).as("one attendee, whatever the name says").hasSize(1);
    assertThat(first.getAttendees().get(0).getEmail()).isEqualTo(address);
    assertThat(first.getSummary().getValue())
        .isEqualTo("Informational interview with " + evil.replace("\r\n", "\n"));
    assertThat(first.getLocation().getValue()).isEqualTo("https://meet.example.org/priya-ada");

    VEvent second = moved.getEvents().get(0);
    assertThat(second.getUid().getValue()).isEqualTo(interviewId + "@infointerview");
    assertThat(second.getSequence().getValue()).isEqualTo(1);
    assertThat(second.getDateStart().getValue().toInstant())
        .isEqualTo(Instant.parse("2026-12-11T18:30:00Z"));

    assertThat(off.getMethod().getValue()).isEqualTo("CANCEL");
    VEvent cancelled = off.getEvents().get(0);
    assertThat(cancelled.getUid().getValue()).isEqualTo(interviewId + "@infointerview");
    assertThat(cancelled.getSequence().getValue()).isEqualTo(2);
    assertThat(cancelled.getStatus().isCancelled()).isTrue();

    MimeMessage firstMail = Mailbox.receivedBy(address).get(0);
    assertThat(firstMail.getSubject()).startsWith("Your conversation with Ada");
    assertThat(firstMail.getHeader("ATTENDEE")).isNull();

    // The person: the same calendar event, in their zone, naming the student, with a way out.
    List<MimeMessage> theirs = Mailbox.receivedBy(person);
    ICalendar theirAgreed = invite(theirs.get(0));
    VEvent theirFirst = theirAgreed.getEvents().get(0);
    assertThat(theirFirst.getUid().getValue()).isEqualTo(interviewId + "@infointerview");
    assertThat(theirFirst.getDateStart().getValue().toInstant())
        .isEqualTo(Instant.parse("2026-12-10T17:00:00Z"));
    assertThat(
            theirAgreed
                .getTimezoneInfo()
                .getTimezone(theirFirst.getDateStart())
                .getTimeZone()
                .getID())
        .isEqualTo("Europe/London");
    assertThat(theirFirst.getAttendees()).hasSize(1);
    assertThat(theirFirst.getAttendees().get(0).getEmail()).isEqualTo(person);
    assertThat(theirFirst.getSummary().getValue())
        .isEqualTo("Informational interview with Sam Student");
    assertThat(theirs.get(0).getSubject()).startsWith("Your conversation with Sam Student");
    assertThat(Mailbox.part(theirs.get(0), "text/plain"))
        .contains("Hello Ada Park,")
        .contains("Europe/London")
        .contains("agreed to talk with a student")
        .doesNotContain("you use the platform");
    assertThat(theirs.get(0).getHeader("List-Unsubscribe", null)).contains("/unsubscribe/");
    assertThat(invite(theirs.get(1)).getEvents().get(0).getSequence().getValue()).isEqualTo(1);
    ICalendar theirOff = invite(theirs.get(2));
    assertThat(theirOff.getMethod().getValue()).isEqualTo("CANCEL");
    assertThat(theirOff.getEvents().get(0).getSequence().getValue()).isEqualTo(2);
  }

  private static ICalendar invite(MimeMessage mail) throws Exception {
    BodyPart part = find((MimeMultipart) mail.getContent());
    assertThat(part).as("an invite.ics attachment").isNotNull();
    try (InputStream in = part.getInputStream()) {
      String ics = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Biweekly.parse(ics).first();
    }
  }

  private static BodyPart find(MimeMultipart multipart) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType("text/calendar")) {
        return part;
      }
      if (part.getContent() instanceof MimeMultipart nested) {
        BodyPart found = find(nested);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static void publish(String fact) throws Exception {
    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      producer.send(new ProducerRecord<>(Topics.INTERVIEWS, "invite", fact)).get();
    }
  }
}
