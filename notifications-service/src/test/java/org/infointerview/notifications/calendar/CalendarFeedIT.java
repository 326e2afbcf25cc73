package org.infointerview.notifications.calendar;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.types.ObjectId;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.notifications.ContactsServiceStub;
import org.infointerview.notifications.RecipientFixtures;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A student's private calendar feed, as a calendar app fetches it without signing in: their agreed
 * times (a called-off one marked so), read back with biweekly; a new address retires the old one,
 * turning it off retires it too, and an address never issued is a 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
class CalendarFeedIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void contactsService(DynamicPropertyRegistry registry) {
    ContactsServiceStub.register(registry);
    // nobody is linked to a record unless a test says so
    ContactsServiceStub.SERVER.stubFor(
        get(urlPathEqualTo("/internal/contacts"))
            .atPriority(10)
            .willReturn(okJson("{\"contactIds\": []}")));
  }

  @Test
  void anAlumnusFeedShowsTheTimesStudentsAgreedWithTheRecordTheirAccountIsLinkedTo()
      throws Exception {
    String subject = "alum-" + UUID.randomUUID();
    String token = IDP.token(subject, "alumnus");
    String alumnusId = IDP.userId(subject);
    String contactId = new ObjectId().toHexString();
    ContactsServiceStub.SERVER.stubFor(
        get(urlPathEqualTo("/internal/contacts"))
            .withQueryParam("linkedUser", equalTo(alumnusId))
            .atPriority(1)
            .willReturn(okJson("{\"contactIds\": [\"" + contactId + "\"]}")));
    String studentId =
        RecipientFixtures.student(
            mongo, "sam-" + UUID.randomUUID() + "@example.edu", "Sam Student", "UTC");
    String interviewId = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    publish(
        GoldenEvent.of(EventType.INTERVIEW_SCHEDULED)
            .about(interviewId)
            .with("studentId", studentId)
            .with("contactId", contactId)
            .json());
    ApiClient api = new ApiClient(port);
    String url =
        json.readTree(api.post("/me/calendar-feed", token, "").body()).get("url").asString();
    String path = url.substring(url.indexOf("/calendar/"));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              ICalendar calendar = Biweekly.parse(api.get(path, null).body()).first();
              assertThat(calendar.getEvents())
                  .extracting(e -> e.getSummary().getValue())
                  .containsExactly("Informational interview with Sam Student");
            });
  }

  @Test
  void theFeedShowsTheStudentsAgreedTimesToAnAppWithoutSignInUntilItIsReplacedOrTurnedOff()
      throws Exception {
    String subject = "feeder-" + UUID.randomUUID();
    String token = IDP.token(subject, "student");
    String studentId = IDP.userId(subject);
    RecipientFixtures.store(
        mongo, studentId, subject + "@example.edu", "Fay Feeder", "Europe/Berlin");
    String agreed = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    String calledOff = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    String others = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    publish(scheduled(agreed, studentId));
    publish(scheduled(calledOff, studentId));
    publish(
        GoldenEvent.of(EventType.INTERVIEW_CANCELLED)
            .about(calledOff)
            .with("studentId", studentId)
            .with("version", 9)
            .json());
    publish(scheduled(others, IDP.userId("someone-else")));
    ApiClient api = new ApiClient(port);

    HttpResponse<String> created = api.post("/me/calendar-feed", token, "");
    assertThat(created.statusCode()).isEqualTo(201);
    String url = json.readTree(created.body()).get("url").asString();
    assertThat(url)
        .startsWith("http://localhost:8080/api/notifications/calendar/")
        .endsWith(".ics");
    String path = url.substring(url.indexOf("/calendar/"));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              HttpResponse<String> feed = api.get(path, null);
              assertThat(feed.statusCode()).isEqualTo(200);
              assertThat(feed.headers().firstValue("Content-Type"))
                  .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
              ICalendar calendar = Biweekly.parse(feed.body()).first();
              assertThat(calendar.getMethod().getValue()).isEqualTo("PUBLISH");
              assertThat(calendar.getEvents())
                  .extracting(e -> e.getUid().getValue())
                  .containsExactlyInAnyOrder(
                      agreed + "@infointerview", calledOff + "@infointerview");
              VEvent off =
                  calendar.getEvents().stream()
                      .filter(e -> e.getUid().getValue().startsWith(calledOff))
                      .findFirst()
                      .orElseThrow();
              assertThat(off.getStatus().isCancelled()).isTrue();
              VEvent on =
                  calendar.getEvents().stream()
                      .filter(e -> e.getUid().getValue().startsWith(agreed))
                      .findFirst()
                      .orElseThrow();
              assertThat(on.getDateStart().getValue().toInstant())
                  .isEqualTo(Instant.parse("2026-12-10T17:00:00Z"));
              assertThat(
                      calendar
                          .getTimezoneInfo()
                          .getTimezone(on.getDateStart())
                          .getTimeZone()
                          .getID())
                  .isEqualTo("Europe/Berlin");
            });
    assertThat(api.get("/me/calendar-feed", token).statusCode()).isEqualTo(200);

    HttpResponse<String> again = api.post("/me/calendar-feed", token, "");
    String newer = json.readTree(again.body()).get("url").asString();
    String newerPath = newer.substring(newer.indexOf("/calendar/"));
    assertThat(api.get(path, null).statusCode()).as("the old address retired").isEqualTo(410);
    assertThat(api.get(newerPath, null).statusCode()).isEqualTo(200);

    assertThat(api.delete("/me/calendar-feed", token).statusCode()).isEqualTo(204);
    assertThat(api.get(newerPath, null).statusCode()).as("turned off").isEqualTo(410);
    assertThat(api.get("/me/calendar-feed", token).statusCode()).isEqualTo(404);
    String forged = "/calendar/" + "A".repeat(43) + ".ics";
    assertThat(api.get(forged, null).statusCode()).isEqualTo(404);
    assertThat(api.get("/calendar/..%2F..%2Fetc.ics", null).statusCode()).isIn(400, 404);
  }

  private static String scheduled(String interviewId, String studentId) {
    return GoldenEvent.of(EventType.INTERVIEW_SCHEDULED)
        .about(interviewId)
        .with("studentId", studentId)
        .json();
  }

  private static void publish(String fact) throws Exception {
    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      producer.send(new ProducerRecord<>(Topics.INTERVIEWS, "feed", fact)).get();
    }
  }
}
