package org.infointerview.notifications.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.notifications.RecipientFixtures;
import org.infointerview.notifications.delivery.Delivery;
import org.infointerview.notifications.delivery.DeliveryStatus;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/**
 * interviews-service's golden RequestAnswered, as on the wire, becomes one mail to the student in
 * the SMTP server: in their zone, in text and HTML, however often the fact arrives, and with no
 * header a name could smuggle in.
 */
@SpringBootTest
@InfrastructureTest
class RequestAnsweredMailIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  @Test
  void anAcceptedRequestIsOneMailToTheStudentInTheirZoneHoweverOftenTheFactArrives()
      throws Exception {
    String address = "sam-" + UUID.randomUUID() + "@example.edu";
    String studentId = RecipientFixtures.student(mongo, address, "Sam Student", "America/Chicago");
    String fact =
        GoldenEvent.of(EventType.REQUEST_ANSWERED)
            .with("studentId", studentId)
            .with("answer", "ACCEPTED")
            .with("acceptedStart", "2026-12-08T15:30:00Z")
            .withEmpty("proposedTimes")
            .with("message", "Happy to talk; <b>call me</b>.")
            .json();
    String eventId = json.readTree(fact).get("id").asString();

    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      producer.send(new ProducerRecord<>(Topics.INTERVIEWS, "i-1", fact)).get();
      producer.send(new ProducerRecord<>(Topics.INTERVIEWS, "i-1", fact)).get();
    }
    String id = "REQUEST_ANSWERED|" + eventId + "|" + studentId;
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 1);
    await()
        .atMost(WAIT)
        .until(() -> mongo.findById(id, Delivery.class).status() == DeliveryStatus.SENT);
    // the second copy of the fact is read after the first (one key, one partition)
    Thread.sleep(1_000);

    List<MimeMessage> mails = Mailbox.receivedBy(address);
    assertThat(mails).as("one mail, however often the fact came").hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject()).isEqualTo("Ada Park answered your request");
    String text = part(mail, "text/plain");
    String html = part(mail, "text/html");
    assertThat(text)
        .contains("Hello Sam Student,")
        .contains("Ada Park accepted your request")
        .contains("Tuesday, December 8, 2026")
        .contains("9:30")
        .contains("America/Chicago")
        .contains("Happy to talk; <b>call me</b>.")
        .contains("your career center's informational interviews");
    assertThat(html)
        .contains("Happy to talk; &lt;b&gt;call me&lt;/b&gt;.")
        .doesNotContain("<b>call me</b>");
    Delivery delivery = mongo.findById(id, Delivery.class);
    assertThat(delivery.attempts()).isEqualTo(1);
    assertThat(mail.getMessageID()).isEqualTo(delivery.messageId());
  }

  @Test
  void aStudentWhoChoseSpanishAndAZoneReadsTheirMailSo() throws Exception {
    String address = "ana-" + UUID.randomUUID() + "@example.edu";
    String studentId =
        RecipientFixtures.student(mongo, address, "Ana Estudiante", "America/Chicago");
    mongo.insert(
        chose(studentId, "es").append("timeZone", "Europe/Madrid"), "notification_preferences");
    String fact =
        GoldenEvent.of(EventType.REQUEST_ANSWERED)
            .with("studentId", studentId)
            .with("answer", "ACCEPTED")
            .with("acceptedStart", "2026-12-08T15:30:00Z")
            .withEmpty("proposedTimes")
            .json();

    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      producer.send(new ProducerRecord<>(Topics.INTERVIEWS, "i-3", fact)).get();
    }
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 1);

    MimeMessage mail = Mailbox.receivedBy(address).get(0);
    assertThat(mail.getSubject()).isEqualTo("Ada Park respondió a tu solicitud");
    assertThat(part(mail, "text/plain"))
        .contains("Hola Ana Estudiante:")
        .contains("aceptó tu solicitud")
        .contains("16:30")
        .contains("Europe/Madrid");
  }

  @Test
  void aNameWithLineBreaksAddsNoHeaderAndNoRecipient() throws Exception {
    String address = "kim-" + UUID.randomUUID() + "@example.edu";
    String studentId =
        RecipientFixtures.student(mongo, address, "Kim\r\nBcc: evil@example.org", "UTC");
    String fact =
        GoldenEvent.of(EventType.REQUEST_ANSWERED)
            .with("studentId", studentId)
            .with("contactDisplayName", "Ada\r\nBcc: evil@example.org\r\nX-Evil: 1")
            .json();

    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      producer.send(new ProducerRecord<>(Topics.INTERVIEWS, "i-2", fact)).get();
    }
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 1);

    MimeMessage mail = Mailbox.receivedBy(address).get(0);
    assertThat(mail.getSubject())
        .isEqualTo("Ada Bcc: evil@example.org X-Evil: 1 answered your request");
    assertThat(mail.getHeader("X-Evil")).isNull();
    assertThat(mail.getHeader("Bcc")).isNull();
    Address[] all = mail.getAllRecipients();
    assertThat(Arrays.stream(all).map(Address::toString))
        .singleElement()
        .satisfies(a -> assertThat(a).contains(address));
    assertThat(mail.getRecipients(Message.RecipientType.TO)).hasSize(1);
    assertThat(
            Arrays.stream(Infrastructure.mail().getReceivedMessages())
                .flatMap(m -> Mailbox.addresses(m).stream()))
        .doesNotContain("evil@example.org");
  }

  @Test
  void anAnswerThatArrivesInTheStudentsQuietHoursWaitsForTheirEndAndIsInTheInboxAtOnce()
      throws Exception {
    String address = "quinn-" + UUID.randomUUID() + "@example.edu";
    String studentId = RecipientFixtures.student(mongo, address, "Quinn Quiet", "Asia/Tokyo");
    LocalTime now = ZonedDateTime.now(ZoneId.of("Asia/Tokyo")).toLocalTime();
    LocalTime from = now.minusHours(1).truncatedTo(ChronoUnit.MINUTES);
    LocalTime until = now.plusHours(2).truncatedTo(ChronoUnit.MINUTES);
    // stored as the service stores the times a person chose
    mongo.insert(
        chose(studentId, "en")
            .append("quietFrom", mongo.getConverter().convertToMongoType(from))
            .append("quietUntil", mongo.getConverter().convertToMongoType(until)),
        "notification_preferences");
    String fact =
        GoldenEvent.of(EventType.REQUEST_ANSWERED)
            .with("studentId", studentId)
            .with("answer", "DECLINED")
            .withEmpty("proposedTimes")
            .json();
    String id = "REQUEST_ANSWERED|" + json.readTree(fact).get("id").asString() + "|" + studentId;

    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      producer.send(new ProducerRecord<>(Topics.INTERVIEWS, "i-4", fact)).get();
    }
    await()
        .atMost(WAIT)
        .until(() -> mongo.exists(Query.query(Criteria.where("userId").is(studentId)), "inbox"));
    Delivery waiting = mongo.findById(id, Delivery.class);
    assertThat(waiting.status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(waiting.attempts()).as("waiting is no try").isZero();
    assertThat(waiting.nextAttemptAt().atZone(ZoneId.of("Asia/Tokyo")).toLocalTime())
        .isEqualTo(until);
    assertThat(Mailbox.receivedBy(address)).isEmpty();
  }

  /** A student's stored choices: reminders both ways, in this language. */
  private static Document chose(String studentId, String language) {
    return new Document("_id", studentId)
        .append("emailReminders", true)
        .append("inAppReminders", true)
        .append("language", language)
        .append("updatedAt", new Date())
        .append("version", 0L);
  }

  private static String part(MimeMessage mail, String type) {
    return Mailbox.part(mail, type);
  }
}
