package org.infointerview.contacts.alumnisync;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.infointerview.testinfra.InfrastructureTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The alumni sync's schedule runs only while the application does. A stopped application (at
 * shutdown, or a context that tests keep paused in their cache) has stopped its import thread, so a
 * scheduled moment it claimed would hold the sync's lock for a run that never starts.
 */
@SpringBootTest(
    properties = {
      "infointerview.alumni-sync.allow-private-addresses=true",
      "infointerview.alumni-sync.allow-plain-http=true",
      "infointerview.alumni-sync.check-interval=200ms"
    })
@InfrastructureTest
@DirtiesContext
class AlumniSyncScheduleIT {

  private final WireMockServer alumniApi = new WireMockServer(options().dynamicPort());
  private final String ids = "T" + UUID.randomUUID().toString().substring(0, 8);

  @Autowired ConfigurableApplicationContext context;
  @Autowired MongoTemplate mongo;

  @BeforeEach
  void setUp() {
    alumniApi.start();
    alumniApi.stubFor(
        get(urlPathEqualTo("/alumni"))
            .willReturn(
                okJson(
                    """
                    {"items": [{"id": "%s-1", "updatedAt": "2026-11-08T00:00:00Z",
                      "firstName": "Clock", "lastName": "Work",
                      "emails": ["clock.%s@example.org"]}], "nextCursor": null}"""
                        .formatted(ids, ids.toLowerCase()))));
    AlumniSyncFixtures.awaitNoRun(mongo);
  }

  @AfterEach
  void tearDown() {
    context.start();
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(AlumniSyncSettings.ID)),
        new Update().set("setup.enabled", false),
        "alumni_sync");
    AlumniSyncFixtures.awaitNoRun(mongo);
    alumniApi.stop();
  }

  @Test
  void aStoppedApplicationClaimsNoScheduledMomentAndRunsTheScheduleWhenStartedAgain() {
    context.stop();
    AlumniSyncFixtures.storeUnchecked(mongo, "http://localhost:" + alumniApi.port() + "/alumni");
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(AlumniSyncSettings.ID)),
        new Update()
            .set("setup.schedule", "* * * * * *")
            .set("setup.enabled", true)
            .set("updatedAt", new Date())
            .unset("lastScheduledRun")
            .unset("watermark"),
        "alumni_sync");

    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> settings().get("lastScheduledRun") == null);
    assertThat(alumniApi.findAll(anyRequestedFor(urlPathEqualTo("/alumni")))).isEmpty();

    context.start();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                mongo.exists(
                    Query.query(Criteria.where("externalAlumniId").is(ids + "-1")), "contacts"));
    assertThat(settings().get("lastScheduledRun")).isNotNull();
  }

  private Document settings() {
    return mongo.findById(AlumniSyncSettings.ID, Document.class, "alumni_sync");
  }
}
