package org.infointerview.notifications.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.infointerview.notifications.ContactsServiceStub.addressJson;
import static org.infointerview.notifications.ContactsServiceStub.addressPath;
import static org.infointerview.notifications.ContactsServiceStub.person;
import static org.infointerview.notifications.ContactsServiceStub.unsubscribes;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.notifications.ContactsServiceStub;
import org.infointerview.notifications.RecipientFixtures;
import org.infointerview.notifications.contact.UnsubscribeLinks;
import org.infointerview.notifications.delivery.Delivery;
import org.infointerview.notifications.delivery.DeliveryStatus;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.Mailbox;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * interviews-service's golden OutreachRequested becomes one mail to the person asked, at the
 * address contacts-service gives this service's own client when the mail is made (a stand-in for
 * contacts-service's {@code /internal} API here): in their zone, with the answer link and a
 * one-click unsubscribe that contacts-service records; nothing to someone who may not be written,
 * the student told when it cannot go, and nothing of the person kept once they are erased.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=notifications-outreach-it",
      "infointerview.delivery.first-retry-after=300ms",
      "infointerview.delivery.poll-every=200ms",
      "infointerview.delivery.unsubscribe-secret=" + OutreachMailIT.SECRET
    })
@InfrastructureTest
@ExtendWith(OutputCaptureExtension.class)
class OutreachMailIT {

  static final String SECRET = "outreach-mail-it-links-key-of-32-characters-or-more";

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The answer link works two weeks from the day the test runs (the golden one's date passes). */
  private static final Instant ANSWER_UNTIL =
      LocalDate.now(ZoneOffset.UTC).plusDays(14).atTime(16, 0).toInstant(ZoneOffset.UTC);

  private static final WireMockServer CONTACTS = ContactsServiceStub.SERVER;

  @DynamicPropertySource
  static void contactsService(DynamicPropertyRegistry registry) {
    ContactsServiceStub.register(registry);
  }

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  @Value("${local.server.port}")
  int port;

  @Test
  void aRequestIsOneMailToThePersonInTheirZoneWithTheAnswerLinkAndOneClickUnsubscribe()
      throws Exception {
    String contactId = new ObjectId().toHexString();
    String address = "ada-" + contactId + "@example.org";
    person(contactId, address, "Ada Park", "Europe/London", true);
    GoldenEvent fact = request(contactId, "Sam Rivera");

    publish(fact, fact);
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 1);
    String id = "OUTREACH_REQUEST|" + fact.id() + "|contact:" + contactId;
    await().atMost(WAIT).until(() -> status(id) == DeliveryStatus.SENT);
    Thread.sleep(500);

    List<MimeMessage> mails = Mailbox.receivedBy(address);
    assertThat(mails).as("one mail, however often the fact came").hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject())
        .isEqualTo("Sam Rivera would like to hear about your work: a 20-minute conversation?");
    String text = Mailbox.part(mail, "text/plain");
    assertThat(text)
        .contains("Hello Ada Park,")
        .contains("Not a job interview")
        .contains("I am a junior studying statistics")
        .contains("Tuesday, December 8, 2026")
        .contains("5:00")
        .contains("Europe/London")
        .contains("by video")
        .contains("http://localhost:8080/answer#65c1a2b3c4d5e6f7a8b9c0d1.q3Jm0YtZkP8wVhXbN2cR7A.")
        .contains(
            DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.ENGLISH)
                .withZone(ZoneId.of("Europe/London"))
                .format(ANSWER_UNTIL));
    String unsubscribe = mail.getHeader("List-Unsubscribe", null);
    assertThat(unsubscribe)
        .startsWith("<http://localhost:8080/api/notifications/unsubscribe/" + contactId + ".")
        .endsWith(">");
    assertThat(mail.getHeader("List-Unsubscribe-Post", null))
        .isEqualTo("List-Unsubscribe=One-Click");
    assertThat(text).contains(unsubscribe.substring(1, unsubscribe.length() - 1));
    assertThat(CONTACTS.findAll(getRequestedFor(urlEqualTo(addressPath(contactId)))))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.getHeader("Authorization")).startsWith("Bearer ey"));
    Delivery delivery = mongo.findById(id, Delivery.class);
    assertThat(delivery.contactId()).isEqualTo(contactId);
    assertThat(delivery.to()).isEqualTo(address);
    assertThat(mail.getMessageID()).isEqualTo(delivery.messageId());
  }

  @Test
  void theOneClickUnsubscribeIsRecordedInContactsServiceOnceAndForgedOrExpiredLinksChangeNothing()
      throws Exception {
    String contactId = new ObjectId().toHexString();
    String address = "lee-" + contactId + "@example.org";
    person(contactId, address, "Lee Chen", "America/New_York", true);
    CONTACTS.stubFor(
        post(urlEqualTo("/internal/contacts/" + contactId + "/unsubscribe"))
            .willReturn(aResponse().withStatus(204)));
    publish(request(contactId, "Sam Rivera"));
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 1);
    String header = Mailbox.receivedBy(address).get(0).getHeader("List-Unsubscribe", null);
    String path = header.substring(header.indexOf("/unsubscribe/"), header.length() - 1);
    String token = path.substring("/unsubscribe/".length());
    String forged =
        "/unsubscribe/"
            + token.substring(0, token.length() - 1)
            + (token.endsWith("A") ? "B" : "A");
    ApiClient api = new ApiClient(port);

    HttpResponse<String> asked = api.get(path, null);
    HttpResponse<String> forgedOne = oneClick(api, forged);
    assertThat(unsubscribes(contactId)).as("nothing recorded for a forged link").isZero();
    // a link issued with the same key a year and a day ago
    String old =
        new UnsubscribeLinks(
                SECRET,
                Duration.ofDays(365),
                "http://localhost:8080",
                Clock.offset(Clock.systemUTC(), Duration.ofDays(-366)))
            .issue(contactId);
    HttpResponse<String> expired = oneClick(api, old.substring(old.indexOf("/unsubscribe/")));
    assertThat(unsubscribes(contactId)).as("nothing recorded for an expired link").isZero();
    HttpResponse<String> done = oneClick(api, path);
    HttpResponse<String> again = oneClick(api, path);

    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(asked.body()).contains("<form method=\"post\">").contains("Unsubscribe");
    assertThat(forgedOne.statusCode()).isEqualTo(404);
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(expired.body()).contains("\"reason\":\"LINK_EXPIRED\"");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("You are unsubscribed");
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("\"reason\":\"LINK_USED\"");
    assertThat(unsubscribes(contactId)).as("recorded once").isEqualTo(1);
    assertThat(api.get(path, null).statusCode()).isEqualTo(410);
  }

  @Test
  void nothingGoesToSomeoneWhoMayNotBeWrittenIsNoLongerThereOrCouldNoLongerAnswer()
      throws Exception {
    String optedOut = new ObjectId().toHexString();
    person(optedOut, "out-" + optedOut + "@example.org", "Opted Out", null, false);
    String gone = new ObjectId().toHexString();
    CONTACTS.stubFor(get(urlEqualTo(addressPath(gone))).willReturn(notFound()));
    String late = new ObjectId().toHexString();
    person(late, "late-" + late + "@example.org", "Late Reader", null, true);
    GoldenEvent toOptedOut = request(optedOut, "Sam Rivera");
    GoldenEvent toGone = request(gone, "Sam Rivera");
    GoldenEvent pastItsLink =
        request(late, "Sam Rivera").with("answerExpiresAt", "2020-01-15T16:00:00Z");

    publish(toOptedOut, toGone, pastItsLink);

    String first = "OUTREACH_REQUEST|" + toOptedOut.id() + "|contact:" + optedOut;
    String second = "OUTREACH_REQUEST|" + toGone.id() + "|contact:" + gone;
    await().atMost(WAIT).until(() -> status(first) == DeliveryStatus.DROPPED);
    await().atMost(WAIT).until(() -> status(second) == DeliveryStatus.DROPPED);
    String third = "OUTREACH_REQUEST|" + pastItsLink.id() + "|contact:" + late;
    await().atMost(WAIT).until(() -> status(third) == DeliveryStatus.DROPPED);
    assertThat(mongo.findById(first, Delivery.class).lastError()).contains("not to be contacted");
    assertThat(mongo.findById(third, Delivery.class).lastError()).contains("expired");
    assertThat(Mailbox.receivedBy("out-" + optedOut + "@example.org")).isEmpty();
    assertThat(Mailbox.receivedBy("late-" + late + "@example.org")).isEmpty();
  }

  @Test
  void whileContactsServiceIsAwayTheMailWaitsAndGoesOnceItAnswers() throws Exception {
    String contactId = new ObjectId().toHexString();
    String address = "kai-" + contactId + "@example.org";
    CONTACTS.stubFor(
        get(urlEqualTo(addressPath(contactId)))
            .inScenario("away-" + contactId)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("back"));
    CONTACTS.stubFor(
        get(urlEqualTo(addressPath(contactId)))
            .inScenario("away-" + contactId)
            .whenScenarioStateIs("back")
            .willReturn(okJson(addressJson(contactId, address, "Kai Ito", "Asia/Tokyo", true))));
    GoldenEvent fact = request(contactId, "Sam Rivera");

    publish(fact);

    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 1);
    String id = "OUTREACH_REQUEST|" + fact.id() + "|contact:" + contactId;
    // SENT is written just after the server took it
    await().atMost(WAIT).until(() -> status(id) == DeliveryStatus.SENT);
    Delivery sent = mongo.findById(id, Delivery.class);
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(Mailbox.part(Mailbox.receivedBy(address).get(0), "text/plain"))
        .contains("Asia/Tokyo");
  }

  @Test
  void aPersonWithoutAnAddressIsAFailureTheStudentIsToldOfInTheirInbox() throws Exception {
    String studentId =
        RecipientFixtures.student(mongo, "sam-" + UUID.randomUUID() + "@example.edu", "Sam", "UTC");
    String contactId = new ObjectId().toHexString();
    CONTACTS.stubFor(
        get(urlEqualTo(addressPath(contactId)))
            .willReturn(okJson(addressJson(contactId, null, "No Address", null, true))));
    GoldenEvent fact = request(contactId, "Sam Rivera").with("studentId", studentId);

    publish(fact);

    String id = "OUTREACH_REQUEST|" + fact.id() + "|contact:" + contactId;
    await().atMost(WAIT).until(() -> status(id) == DeliveryStatus.FAILED);
    assertThat(mongo.findById(id, Delivery.class).lastError()).contains("no email address");
    await()
        .atMost(WAIT)
        .until(
            () ->
                mongo.exists(
                    Query.query(
                        Criteria.where("userId")
                            .is(studentId)
                            .and("kind")
                            .is("OUTREACH_UNDELIVERED")),
                    "inbox"));
  }

  @Test
  void aNameWithLineBreaksAddsNoHeaderAndNoRecipient() throws Exception {
    String contactId = new ObjectId().toHexString();
    String address = "ann-" + contactId + "@example.org";
    person(contactId, address, "Ann\r\nBcc: evil@example.org", null, true);

    publish(request(contactId, "Sam\r\nBcc: evil@example.org\r\nX-Evil: 1"));

    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 1);
    MimeMessage mail = Mailbox.receivedBy(address).get(0);
    assertThat(Mailbox.addresses(mail)).containsExactly(address);
    assertThat(mail.getHeader("X-Evil")).isNull();
    assertThat(mail.getSubject()).doesNotContain("\r").doesNotContain("\n");
    assertThat(Mailbox.receivedBy("evil@example.org")).isEmpty();
  }

  @Test
  void anErasedPersonsAddressNameAndWordsAreGoneFromThisServiceWithinOneEvent() throws Exception {
    String contactId = new ObjectId().toHexString();
    String address = "eve-" + contactId + "@example.org";
    person(contactId, address, "Eve Erased", "Europe/Paris", true);
    publish(request(contactId, "Sam Rivera"));
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 1);
    // a second request waits: contacts-service is away for it
    String waiting = new ObjectId().toHexString();
    CONTACTS.stubFor(get(urlEqualTo(addressPath(waiting))).willReturn(aResponse().withStatus(503)));
    GoldenEvent queued = request(waiting, "Sam Rivera");
    publish(queued);
    String queuedId = "OUTREACH_REQUEST|" + queued.id() + "|contact:" + waiting;
    await().atMost(WAIT).until(() -> mongo.findById(queuedId, Delivery.class) != null);

    publish(
        GoldenEvent.of(EventType.CONTACT_ERASED).with("contactId", contactId).subject(contactId),
        Topics.CONTACTS);
    publish(
        GoldenEvent.of(EventType.CONTACT_ERASED).with("contactId", waiting).subject(waiting),
        Topics.CONTACTS);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        mongo.find(
                            Query.query(Criteria.where("contactId").in(contactId, waiting)),
                            Document.class,
                            "deliveries"))
                    .hasSize(2)
                    .allSatisfy(
                        d ->
                            assertThat(d.toJson())
                                .doesNotContain(address)
                                .doesNotContain("Eve Erased")
                                .doesNotContain("junior studying statistics")));
    assertThat(status(queuedId)).isEqualTo(DeliveryStatus.DROPPED);
    Thread.sleep(1000);
    assertThat(status(queuedId)).as("not tried again").isEqualTo(DeliveryStatus.DROPPED);
  }

  @Test
  void aReportBackIsOneMailToThePersonInTheStudentsWordsWithOneClickUnsubscribe() throws Exception {
    String contactId = new ObjectId().toHexString();
    String address = "ada-" + contactId + "@example.org";
    person(contactId, address, "Ada Park", "Europe/London", true);
    GoldenEvent fact =
        GoldenEvent.of(EventType.REPORT_BACK_SENT)
            .with("contactId", contactId)
            .with("message", "I took the SQL course you suggested.\r\nBcc: x@evil.example");

    publish(fact, fact);
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 1);
    String id = "REPORT_BACK|" + fact.id() + "|contact:" + contactId;
    await().atMost(WAIT).until(() -> status(id) == DeliveryStatus.SENT);
    Thread.sleep(500);

    List<MimeMessage> mails = Mailbox.receivedBy(address);
    assertThat(mails).as("one mail, however often the fact came").hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject()).isEqualTo("Sam Rivera tells you what came of your advice");
    assertThat(mail.getAllRecipients()).hasSize(1);
    assertThat(mail.getHeader("Bcc")).isNull();
    String text = Mailbox.part(mail, "text/plain");
    assertThat(text)
        .contains("Hello Ada Park,")
        .contains("I took the SQL course you suggested.")
        .contains("they do not see your address");
    assertThat(mail.getHeader("List-Unsubscribe", null))
        .startsWith("<http://localhost:8080/api/notifications/unsubscribe/" + contactId + ".");
    assertThat(Mailbox.part(mail, "text/html")).contains("I took the SQL course you suggested.");
  }

  @Test
  void aReportBackToSomeoneWhoMayNotBeWrittenIsNotSent() throws Exception {
    String contactId = new ObjectId().toHexString();
    String address = "quiet-" + contactId + "@example.org";
    person(contactId, address, "Quiet Person", "Europe/London", false);
    GoldenEvent fact = GoldenEvent.of(EventType.REPORT_BACK_SENT).with("contactId", contactId);

    publish(fact);
    String id = "REPORT_BACK|" + fact.id() + "|contact:" + contactId;
    await().atMost(WAIT).until(() -> status(id) == DeliveryStatus.DROPPED);
    assertThat(Mailbox.receivedBy(address)).isEmpty();
  }

  /**
   * The student's request can be followed to the mail it caused: the trace context the record
   * carries (as interviews-service's outbox relay sends it) names the log line of the send.
   */
  @Test
  void theMailsSendIsLoggedInTheTraceOfTheRequestThatCausedIt(CapturedOutput output)
      throws Exception {
    String contactId = new ObjectId().toHexString();
    String address = "traced-" + contactId + "@example.org";
    person(contactId, address, "Tracy Reed", "UTC", true);
    GoldenEvent fact = request(contactId, "Sam Rivera");
    String traceId = java.util.UUID.randomUUID().toString().replace("-", "");

    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      ProducerRecord<String, String> record =
          new ProducerRecord<>(Topics.INTERVIEWS, fact.id(), fact.json());
      record
          .headers()
          .add(
              "traceparent",
              ("00-" + traceId + "-00f067aa0ba902b7-01")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      producer.send(record).get();
    }
    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 1);
    String id = "OUTREACH_REQUEST|" + fact.id() + "|contact:" + contactId;

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(output.getOut().lines())
                    .filteredOn(line -> line.contains("Message " + id + " sent as"))
                    .singleElement()
                    .satisfies(line -> assertThat(line).contains(traceId)));
  }

  private static GoldenEvent request(String contactId, String studentName) {
    return GoldenEvent.of(EventType.OUTREACH_REQUESTED)
        .with("contactId", contactId)
        .with("studentDisplayName", studentName)
        .with("answerExpiresAt", ANSWER_UNTIL.toString());
  }

  private static void publish(GoldenEvent... facts) throws Exception {
    for (GoldenEvent fact : facts) {
      publish(fact, Topics.INTERVIEWS);
    }
  }

  private static void publish(GoldenEvent fact, String topic) throws Exception {
    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      producer.send(new ProducerRecord<>(topic, fact.id(), fact.json())).get();
    }
  }

  private @Nullable DeliveryStatus status(String id) {
    Delivery delivery = mongo.findById(id, Delivery.class);
    return delivery == null ? null : delivery.status();
  }

  private static HttpResponse<String> oneClick(ApiClient api, String path) {
    return api.send(
        "POST", path, null, null, Map.of("Content-Type", "application/x-www-form-urlencoded"));
  }
}
