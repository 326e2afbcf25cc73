package org.infointerview.contacts.alumnisync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactPreference;
import org.infointerview.contacts.contact.ContactSource;
import org.infointerview.contacts.contact.ContactStatus;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TestIdentityProvider;
import org.infointerview.testinfra.TopicProbe;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alumni database sync against a fake alumni API on loopback (WireMock): paging both ways, both
 * kinds of credentials, the watermark, removed records, and every kind of trouble the API can make
 * (5xx, resets, 429 with Retry-After, a 30 s stall, bad JSON, redirects).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "infointerview.alumni-sync.api-key=test-key",
      "infointerview.alumni-sync.client-secret=test-secret",
      "infointerview.alumni-sync.allow-private-addresses=true",
      "infointerview.alumni-sync.allow-plain-http=true",
      "infointerview.alumni-sync.connect-timeout=1s",
      "infointerview.alumni-sync.read-timeout=2s",
      "infointerview.alumni-sync.max-attempts=4",
      "infointerview.alumni-sync.initial-backoff=50ms",
      "infointerview.alumni-sync.max-wait=3s",
      "infointerview.alumni-sync.check-interval=500ms"
    })
@InfrastructureTest
class AlumniSyncIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final WireMockServer ALUMNI_API = new WireMockServer(options().dynamicPort());

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;

  @Value("${local.server.port}")
  int port;

  private final String adminSubject = "admin-" + UUID.randomUUID();
  private final String admin = IDP.token(adminSubject, "admin");
  private ApiClient api;
  private String ids;
  private String path;

  @BeforeAll
  static void startFakeApi() {
    ALUMNI_API.start();
  }

  @AfterAll
  static void stopFakeApi() {
    ALUMNI_API.stop();
  }

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    ALUMNI_API.resetAll();
    ids = "S" + UUID.randomUUID().toString().substring(0, 8);
    path = "/" + ids.toLowerCase() + "/alumni";
    AlumniSyncFixtures.awaitNoRun(mongo);
  }

  @Test
  void pagesThroughTheApiWithItsKeyAndTheNextRunAsksOnlyForChangesAndMarksRemovedPeople() {
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .atPriority(1)
            .withHeader("X-API-Key", equalTo("test-key"))
            .withQueryParam("cursor", absent())
            .willReturn(
                okJson(
                    page(
                        "\"c2\"",
                        3,
                        alumnus(1, "Priya", "Raman", "Analyst", "2026-11-20T10:00:00Z"),
                        alumnus(2, "José", "Núñez", "Nurse", "2026-11-20T10:00:02Z")))));
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .atPriority(1)
            .withHeader("X-API-Key", equalTo("test-key"))
            .withQueryParam("cursor", equalTo("c2"))
            .willReturn(
                okJson(
                    page(
                        "null",
                        3,
                        alumnus(3, "Ada", "Lovelace", "Engineer", "2026-11-20T10:00:01Z")))));
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path)).atPriority(9).willReturn(aResponse().withStatus(401)));
    configure("\"authentication\": \"API_KEY\", \"pageSize\": 2");

    JsonNode first = runToEnd(false);

    assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("COMPLETED");
    assertThat(first.get("created").asLong()).isEqualTo(3);
    assertThat(first.get("progress").get("totalRows").asLong()).isEqualTo(3);
    assertThat(first.get("source").asString()).isEqualTo("ALUMNI_DIRECTORY");
    Contact priya = byAlumniId(ids + "-1");
    assertThat(priya.source()).isEqualTo(ContactSource.ALUMNI_DIRECTORY);
    assertThat(priya.details().organizationName()).isEqualTo("Org " + ids);
    assertThat(priya.details().jobTitle()).isEqualTo("Analyst");
    assertThat(priya.details().emails())
        .containsExactly("a1." + ids.toLowerCase() + "@example.org");
    assertThat(priya.details().alumni().graduationYear()).isEqualTo(2015);
    assertThat(priya.consent().optedIn()).isTrue();
    assertThat(priya.consent().preference()).isEqualTo(ContactPreference.VIA_PLATFORM);
    assertThat(settings().get("watermark").asString()).isEqualTo("2026-11-20T10:00:02Z");
    List<LoggedRequest> asked = ALUMNI_API.findAll(getRequestedFor(urlPathEqualTo(path)));
    assertThat(asked).hasSize(2);
    assertThat(asked)
        .allSatisfy(r -> assertThat(r.queryParameter("updatedSince").isPresent()).isFalse());
    assertThat(asked.get(0).queryParameter("limit").firstValue()).isEqualTo("2");

    ALUMNI_API.resetAll();
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("updatedSince", equalTo("2026-11-20T09:55:02Z"))
            .willReturn(
                okJson(
                    page(
                        "null",
                        null,
                        alumnus(1, "Priya", "Raman", "Data Scientist", "2026-11-21T08:00:00Z"),
                        "{\"id\": \""
                            + ids
                            + "-2\", \"deleted\": true,"
                            + " \"updatedAt\": \"2026-11-21T09:00:00Z\"}",
                        "{\"id\": \"" + ids + "-gone\", \"deleted\": true}"))));

    JsonNode second = runToEnd(false);

    assertThat(second.get("status").asString()).as(second.toString()).isEqualTo("COMPLETED");
    assertThat(second.get("updated").asLong()).isEqualTo(2);
    assertThat(second.get("unchanged").asLong()).isEqualTo(1);
    assertThat(second.get("created").asLong()).isZero();
    assertThat(byAlumniId(ids + "-1").details().jobTitle()).isEqualTo("Data Scientist");
    Contact jose = byAlumniId(ids + "-2");
    assertThat(jose.consent().doNotContact()).isTrue();
    assertThat(jose.details().jobTitle()).isEqualTo("Nurse");
    assertThat(byAlumniIdOrNull(ids + "-gone")).isNull();
    assertThat(settings().get("watermark").asString()).isEqualTo("2026-11-21T09:00:00Z");
  }

  @Test
  void pageNumbersAreFollowedToTheLastPageWithAClientCredentialsToken() {
    ALUMNI_API.stubFor(
        post(urlPathEqualTo("/" + ids + "/token"))
            .withBasicAuth("sync-client", "test-secret")
            .willReturn(okJson("{\"access_token\": \"tok-1\", \"expires_in\": 300}")));
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .atPriority(1)
            .withHeader("Authorization", equalTo("Bearer tok-1"))
            .withQueryParam("page", equalTo("0"))
            .willReturn(
                okJson(
                    "{\"items\": ["
                        + alumnus(1, "Ama", "Owusu", "Teacher", "2026-11-01T00:00:00Z")
                        + "], \"totalPages\": 2}")));
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .atPriority(1)
            .withHeader("Authorization", equalTo("Bearer tok-1"))
            .withQueryParam("page", equalTo("1"))
            .willReturn(
                okJson(
                    "{\"items\": ["
                        + alumnus(2, "Kenji", "Sato", "Architect", "2026-11-02T00:00:00Z")
                        + "], \"totalPages\": 2}")));
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path)).atPriority(9).willReturn(aResponse().withStatus(401)));
    configure(
        "\"authentication\": \"CLIENT_CREDENTIALS\", \"pagination\": \"PAGE\", \"tokenUrl\": \""
            + base()
            + "/"
            + ids
            + "/token\", \"clientId\": \"sync-client\", \"scope\": \"alumni.read\"");

    JsonNode done = runToEnd(false);

    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(done.get("created").asLong()).isEqualTo(2);
    assertThat(byAlumniId(ids + "-2").details().jobTitle()).isEqualTo("Architect");
    ALUMNI_API.verify(1, postRequestedFor(urlPathEqualTo("/" + ids + "/token")));
    assertThat(
            ALUMNI_API
                .findAll(postRequestedFor(urlPathEqualTo("/" + ids + "/token")))
                .get(0)
                .getBodyAsString())
        .contains("grant_type=client_credentials")
        .contains("scope=alumni.read");
  }

  @Test
  void anApiThatNamesThingsItsOwnWayIsReadThroughAProfile() {
    saveProfile(
        "api-" + ids.toLowerCase(),
        """
            {"source": "ALUMNI_DIRECTORY", "columns": [
              {"header": "alumniId", "target": "externalAlumniId"},
              {"header": "first_name", "target": "givenName"},
              {"header": "last_name", "target": "familyName"},
              {"header": "job.title", "target": "jobTitle"}]}""");
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                okJson(
                    """
                    {"data": [{"alumniId": "%s-1", "updated_at": "2026-11-09T00:00:00Z",
                               "first_name": "Wei", "last_name": "Zhang",
                               "job": {"title": "Actuary"}, "isDeleted": false}],
                     "next_cursor": null, "total_count": 1}"""
                        .formatted(ids))));
    configure("\"authentication\": \"NONE\", \"profile\": \"api-" + ids.toLowerCase() + "\"");

    JsonNode done = runToEnd(false);

    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(done.get("progress").get("totalRows").asLong()).isEqualTo(1);
    assertThat(byAlumniId(ids + "-1").details().jobTitle()).isEqualTo("Actuary");
    assertThat(settings().get("watermark").asString()).isEqualTo("2026-11-09T00:00:00Z");
  }

  @Test
  void aFullRunMarksThoseItNoLongerListsUnlessItListsFewerThanHalf() {
    // A source of its own, so that only this test's people are known to it.
    saveProfile(
        "dir-" + ids.toLowerCase(),
        """
            {"source": "EMPLOYER_DIRECTORY", "columns": [
              {"header": "id", "target": "externalAlumniId"},
              {"header": "firstName", "target": "givenName"},
              {"header": "lastName", "target": "familyName"},
              {"header": "employment.title", "target": "jobTitle"}]}""");
    String a1 = alumnus(1, "Ana", "One", "Welder", "2026-11-10T00:00:00Z");
    String a2 = alumnus(2, "Ben", "Two", "Baker", "2026-11-10T00:00:00Z");
    String a3 = alumnus(3, "Cy", "Three", "Tailor", "2026-11-10T00:00:00Z");
    String a4 = alumnus(4, "Di", "Four", "Diver", "2026-11-10T00:00:00Z");
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path)).willReturn(okJson(page("null", 4, a1, a2, a3, a4))));
    configure("\"authentication\": \"NONE\", \"profile\": \"dir-" + ids.toLowerCase() + "\"");
    assertThat(runToEnd(false).get("created").asLong()).isEqualTo(4);

    ALUMNI_API.resetAll();
    ALUMNI_API.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(page("null", 3, a1, a2, a3))));
    JsonNode full = runToEnd(true);

    assertThat(full.get("status").asString()).as(full.toString()).isEqualTo("COMPLETED");
    assertThat(full.get("updated").asLong()).isEqualTo(1);
    assertThat(byAlumniId(ids + "-4").consent().doNotContact()).isTrue();
    assertThat(byAlumniId(ids + "-3").consent().doNotContact()).isFalse();

    ALUMNI_API.resetAll();
    ALUMNI_API.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(page("null", 1, a1))));
    JsonNode suspicious = runToEnd(true);

    assertThat(suspicious.get("status").asString()).isEqualTo("FAILED");
    assertThat(suspicious.get("failure").asString()).contains("listed 1 people but 4 are known");
    assertThat(byAlumniId(ids + "-2").consent().doNotContact()).isFalse();
    assertThat(byAlumniId(ids + "-3").consent().doNotContact()).isFalse();
  }

  @Test
  void serverErrorsAResetAndA429AreRetriedHonouringRetryAfter() {
    String flaky = "flaky-" + ids;
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .inScenario(flaky)
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("reset")
            .willReturn(aResponse().withStatus(500)));
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .inScenario(flaky)
            .whenScenarioStateIs("reset")
            .willSetStateTo("busy")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .inScenario(flaky)
            .whenScenarioStateIs("busy")
            .willSetStateTo("fine")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .inScenario(flaky)
            .whenScenarioStateIs("fine")
            .willReturn(
                okJson(
                    page(
                        "null",
                        1,
                        alumnus(1, "Lena", "Berg", "Chemist", "2026-11-03T00:00:00Z")))));
    configure("\"authentication\": \"NONE\"");

    JsonNode done = runToEnd(false);

    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(done.get("created").asLong()).isEqualTo(1);
    List<LoggedRequest> asked = ALUMNI_API.findAll(getRequestedFor(urlPathEqualTo(path)));
    assertThat(asked).hasSize(4);
    long waitedAfter429 =
        asked.get(3).getLoggedDate().getTime() - asked.get(2).getLoggedDate().getTime();
    assertThat(waitedAfter429).isGreaterThanOrEqualTo(900);
  }

  @Test
  void aThirtySecondStallIsCutOffByTheReadTimeoutAndRetried() {
    String stall = "stall-" + ids;
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .inScenario(stall)
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("awake")
            .willReturn(
                okJson(
                        page(
                            "null",
                            1,
                            alumnus(1, "Slow", "Page", "Waiter", "2026-11-04T00:00:00Z")))
                    .withFixedDelay(30_000)));
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .inScenario(stall)
            .whenScenarioStateIs("awake")
            .willReturn(
                okJson(
                    page(
                        "null",
                        1,
                        alumnus(1, "Quick", "Page", "Runner", "2026-11-04T00:00:00Z")))));
    configure("\"authentication\": \"NONE\"");

    JsonNode done = runToEnd(false);

    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(byAlumniId(ids + "-1").details().jobTitle()).isEqualTo("Runner");
    Duration took =
        Duration.between(
            Instant.parse(done.get("startedAt").asString()),
            Instant.parse(done.get("finishedAt").asString()));
    assertThat(took).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void anApiThatKeepsFailingEndsTheRunAfterItsTriesAndKeepsTheWatermark() {
    ALUMNI_API.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));
    configure("\"authentication\": \"NONE\"");

    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      JsonNode done = runToEnd(false);

      assertThat(done.get("status").asString()).isEqualTo("FAILED");
      assertThat(done.get("failure").asString()).contains("could not be read after 4 tries");
      ALUMNI_API.verify(4, getRequestedFor(urlPathEqualTo(path)));
      assertThat(settings().get("watermark").isNull()).isTrue();
      // the admin who started it is told how it ended, with why
      JsonNode ended =
          json.readTree(
                  events
                      .published(
                          done.get("id").asString(),
                          EventType.ALUMNI_IMPORT_COMPLETED,
                          Duration.ofSeconds(30))
                      .value())
              .get("data");
      assertThat(ended.get("status").asString()).isEqualTo("FAILED");
      assertThat(ended.get("reportTo").asString()).isEqualTo(IDP.userId(adminSubject));
      assertThat(ended.get("failure").asString()).contains("could not be read after 4 tries");
    }
  }

  @Test
  void aMalformedPageStopsTheRunWithAReportKeepingTheRowsBeforeIt() {
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("cursor", absent())
            .willReturn(
                okJson(
                    page(
                        "\"c2\"",
                        null,
                        alumnus(1, "Good", "Row", "Pilot", "2026-11-05T00:00:00Z"),
                        alumnus(2, "Fine", "Row", "Baker", "2026-11-05T00:00:01Z")))));
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("cursor", equalTo("c2"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"items\": [{\"id\": \"x\", \"firstName\": ")));
    configure("\"authentication\": \"NONE\"");

    JsonNode done = runToEnd(false);

    assertThat(done.get("status").asString()).isEqualTo("FAILED");
    assertThat(done.get("failure").asString()).contains("page 2").contains("not JSON");
    assertThat(done.get("created").asLong()).isEqualTo(2);
    assertThat(byAlumniId(ids + "-2").details().jobTitle()).isEqualTo("Baker");
    HttpResponse<String> report =
        api.get("/imports/" + done.get("id").asString() + "/errors", admin);
    assertThat(report.body()).contains("page 2 of the alumni API");
    assertThat(settings().get("watermark").isNull()).isTrue();
    ALUMNI_API.verify(2, getRequestedFor(urlPathEqualTo(path)));
  }

  @Test
  void aRecordWithoutAnIdStopsTheRunNamingIt() {
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(okJson("{\"items\": [{\"firstName\": \"No\", \"lastName\": \"Id\"}]}")));
    configure("\"authentication\": \"NONE\"");

    JsonNode done = runToEnd(false);

    assertThat(done.get("status").asString()).isEqualTo("FAILED");
    assertThat(done.get("failure").asString()).contains("page 1").contains("item 0 has no 'id'");
  }

  @Test
  void aRedirectWithinTheApiIsFollowedButOneToAnotherHostIsNot() {
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(301)
                    .withHeader("Location", "/" + ids + "/v2/alumni?limit=200")));
    ALUMNI_API.stubFor(
        get(urlPathEqualTo("/" + ids + "/v2/alumni"))
            .willReturn(
                okJson(
                    page(
                        "null",
                        1,
                        alumnus(1, "Moved", "Along", "Mover", "2026-11-06T00:00:00Z")))));
    configure("\"authentication\": \"NONE\"");
    JsonNode followed = runToEnd(false);
    assertThat(followed.get("status").asString()).as(followed.toString()).isEqualTo("COMPLETED");
    assertThat(followed.get("created").asLong()).isEqualTo(1);

    ALUMNI_API.resetAll();
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader(
                        "Location",
                        "http://127.0.0.2:" + ALUMNI_API.port() + "/" + ids + "/elsewhere")));
    ALUMNI_API.stubFor(
        get(urlPathEqualTo("/" + ids + "/elsewhere")).willReturn(okJson(page("null", 0))));

    JsonNode refused = runToEnd(true);

    assertThat(refused.get("status").asString()).isEqualTo("FAILED");
    assertThat(refused.get("failure").asString())
        .contains("redirected to another host (127.0.0.2)");
    ALUMNI_API.verify(0, getRequestedFor(urlPathEqualTo("/" + ids + "/elsewhere")));
  }

  @Test
  void aSecondRunWhileOneIsGoingIsRefused() {
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                okJson(
                        page(
                            "null",
                            1,
                            alumnus(1, "Patient", "Person", "Monk", "2026-11-07T00:00:00Z")))
                    .withFixedDelay(1_500)));
    configure("\"authentication\": \"NONE\"");
    HttpResponse<String> first = api.post("/alumni-sync/runs", admin, "");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);

    HttpResponse<String> second = api.post("/alumni-sync/runs", admin, "");

    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(second.body()).contains("An alumni sync is running");
    assertThat(awaitEnd(json.readTree(first.body()).get("id").asString()).get("status").asString())
        .isEqualTo("COMPLETED");
  }

  @Test
  void theScheduleStartsRunsOnItsOwn() {
    ALUMNI_API.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                okJson(
                    page(
                        "null", 1, alumnus(1, "Clock", "Work", "Timer", "2026-11-08T00:00:00Z")))));
    try {
      configure(
          "\"authentication\": \"NONE\", \"schedule\": \"*/2 * * * * *\", \"zone\":"
              + " \"America/Chicago\", \"enabled\": true");
      assertThat(settings().get("nextScheduledRun").isNull()).isFalse();

      await().atMost(Duration.ofSeconds(30)).until(() -> byAlumniIdOrNull(ids + "-1") != null);

      Document job =
          mongo.findOne(
              Query.query(Criteria.where("createdBy").is(AlumniSyncService.SCHEDULE.id())),
              Document.class,
              "import_jobs");
      assertThat(job).isNotNull();
      // a scheduled run (this test's: the last one the settings name) is reported to the admin who
      // set the schedule up
      Document ours =
          mongo.findById(settings().get("lastRunId").asString(), Document.class, "import_jobs");
      assertThat(ours.getString("createdBy")).isEqualTo(AlumniSyncService.SCHEDULE.id());
      assertThat(ours.getString("reportTo")).isEqualTo(IDP.userId(adminSubject));
    } finally {
      configure("\"authentication\": \"NONE\", \"enabled\": false");
    }
  }

  @Test
  void writersHoldingTheSameTagGetOneSuccessAndPreconditionFailuresOtherwise() throws Exception {
    configure("\"authentication\": \"NONE\"");
    String etag = api.get("/alumni-sync", admin).headers().firstValue("ETag").orElseThrow();

    List<Integer> statuses;
    ExecutorService writers = Executors.newFixedThreadPool(6);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int pageSize = 10 + i;
        answers.add(
            writers.submit(
                () ->
                    putSettings("\"authentication\": \"NONE\", \"pageSize\": " + pageSize, etag)));
      }
      statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        statuses.add(answer.get().statusCode());
      }
    } finally {
      writers.shutdownNow();
    }

    assertThat(statuses).containsOnly(200, 412);
    assertThat(statuses).containsOnlyOnce(200);
    assertThat(api.get("/alumni-sync", admin).headers().firstValue("ETag").orElseThrow())
        .isNotEqualTo(etag);
  }

  @Test
  void settingsThatCannotWorkAreRefusedFieldByFieldAndNothingIsStored() {
    configure("\"authentication\": \"NONE\"");
    HttpResponse<String> current = api.get("/alumni-sync", admin);
    String etag = current.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> refused =
        api.send(
            "PUT",
            "/alumni-sync",
            admin,
            "{\"baseUrl\": \"ftp://alumni.example.edu/x\", \"authentication\":"
                + " \"CLIENT_CREDENTIALS\", \"profile\": \"no-such-profile\", \"schedule\":"
                + " \"every night\", \"zone\": \"Mars/Olympus\", \"enabled\": true}",
            Map.of("If-Match", etag));

    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode errors = json.readTree(refused.body()).get("errors");
    assertThat(errors.findValuesAsString("field"))
        .contains("baseUrl", "tokenUrl", "clientId", "profile", "schedule", "zone");
    HttpResponse<String> tooBig =
        putSettings("\"authentication\": \"NONE\", \"pageSize\": 0", etag);
    assertThat(tooBig.statusCode()).isEqualTo(400);
    assertThat(tooBig.body()).contains("pageSize");
    HttpResponse<String> withoutTag =
        api.put(
            "/alumni-sync",
            admin,
            "{\"baseUrl\": \"" + base() + "/x\", \"authentication\": \"NONE\"}");
    assertThat(withoutTag.statusCode()).isEqualTo(428);
    HttpResponse<String> stale =
        api.send(
            "PUT",
            "/alumni-sync",
            admin,
            "{\"baseUrl\": \"" + base() + "/x\", \"authentication\": \"NONE\"}",
            Map.of("If-Match", "\"999\""));
    assertThat(stale.statusCode()).isEqualTo(412);
    HttpResponse<String> after = api.get("/alumni-sync", admin);
    assertThat(after.headers().firstValue("ETag")).hasValue(etag);
    assertThat(json.readTree(after.body()).get("baseUrl").asString()).isEqualTo(base() + path);
  }

  private void saveProfile(String name, String profile) {
    HttpResponse<String> saved = api.put("/imports/profiles/" + name, admin, profile);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
  }

  private String base() {
    return "http://localhost:" + ALUMNI_API.port();
  }

  /**
   * Saves the settings as an admin's screen would: read, then write with the ETag, and read again
   * when the answer is 412 (a running schedule claims its due moments in the same record).
   */
  private void configure(String fields) {
    HttpResponse<String> saved = null;
    for (int attempt = 0; attempt < 5 && (saved == null || saved.statusCode() == 412); attempt++) {
      HttpResponse<String> current = api.get("/alumni-sync", admin);
      Map<String, String> headers =
          current.statusCode() == 200
              ? Map.of("If-Match", current.headers().firstValue("ETag").orElseThrow())
              : Map.of();
      saved =
          api.send(
              "PUT",
              "/alumni-sync",
              admin,
              "{\"baseUrl\": \"" + base() + path + "\", " + fields + "}",
              headers);
    }
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
  }

  /** Writes the settings with these fields beside the fake API's address, holding this tag. */
  private HttpResponse<String> putSettings(String fields, String etag) {
    return api.send(
        "PUT",
        "/alumni-sync",
        admin,
        "{\"baseUrl\": \"" + base() + path + "\", " + fields + "}",
        Map.of("If-Match", etag));
  }

  private JsonNode settings() {
    HttpResponse<String> response = api.get("/alumni-sync", admin);
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private JsonNode runToEnd(boolean full) {
    HttpResponse<String> accepted =
        api.post("/alumni-sync/runs" + (full ? "?full=true" : ""), admin, "");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    return awaitEnd(json.readTree(accepted.body()).get("id").asString());
  }

  private JsonNode awaitEnd(String id) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              last[0] = json.readTree(api.get("/imports/" + id, admin).body());
              return List.of("COMPLETED", "CANCELLED", "FAILED")
                  .contains(last[0].get("status").asString());
            });
    return last[0];
  }

  private Contact byAlumniId(String id) {
    Contact contact = byAlumniIdOrNull(id);
    assertThat(contact).as("contact with alumni id " + id).isNotNull();
    return contact;
  }

  private @Nullable Contact byAlumniIdOrNull(String id) {
    return mongo.findOne(
        Query.query(
            Criteria.where("externalAlumniId").is(id).and("status").is(ContactStatus.ACTIVE)),
        Contact.class);
  }

  private String alumnus(int n, String first, String last, String title, String updatedAt) {
    return """
        {"id": "%s-%d", "updatedAt": "%s", "deleted": false, "firstName": "%s", "lastName": "%s",
         "emails": ["a%d.%s@example.org"],
         "employment": {"organization": "Org %s", "title": "%s"},
         "education": {"classYear": 2015, "major": "Physics"},
         "mentoring": {"optIn": true, "contactPreference": "VIA_PLATFORM"}}"""
        .formatted(ids, n, updatedAt, first, last, n, ids.toLowerCase(), ids, title);
  }

  private static String page(String nextCursor, @Nullable Integer total, String... items) {
    return "{\"items\": ["
        + String.join(", ", items)
        + "], \"nextCursor\": "
        + nextCursor
        + (total == null ? "" : ", \"total\": " + total)
        + "}";
  }
}
