package org.infointerview.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.AuthorizationMatrixTestSupport;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What notifications-service's own client asks of contacts-service: the address a message goes to
 * (a merged record's survivor's; none for an erased person) and the person's unsubscribe.
 */
@ServiceIT
class ContactMailIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final String SERVICE =
      IDP.serviceToken("infointerview-notifications", AuthorizationMatrixTestSupport.SERVICE_SCOPE);

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;
  @Autowired AggregateStore store;

  ApiClient api;
  private InstitutionContacts alumni;

  @BeforeEach
  void setUp() {
    alumni = new InstitutionContacts(store);
  }

  @Test
  void theAddressOfAVolunteerWithTheirZoneAndWhetherTheyMayBeWritten() {
    Contact open = alumni.optedInAlumnus("Mail" + UUID.randomUUID().toString().substring(0, 8));

    HttpResponse<String> answer = api.get(path(open.id(), "mail-address"), SERVICE);

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(answer.body());
    assertThat(body.get("contactId").asString()).isEqualTo(open.id());
    assertThat(body.get("email").asString()).isEqualTo(open.details().emails().get(0));
    assertThat(body.get("displayName").asString()).isEqualTo(open.details().displayName());
    assertThat(body.get("mayContact").asBoolean()).isTrue();
  }

  @Test
  void someoneWhoNeverOptedInOrAskedNotToBeContactedMayNotBeWritten() {
    Contact notAsked =
        alumni.alumnus(
            "Nadia",
            "Quiet" + UUID.randomUUID().toString().substring(0, 8),
            "nadia-" + UUID.randomUUID() + "@example.org",
            "Org",
            "Engineer",
            2010,
            "Physics",
            List.of(),
            InstitutionContacts.notAsked());

    JsonNode body = json.readTree(api.get(path(notAsked.id(), "mail-address"), SERVICE).body());

    assertThat(body.get("mayContact").asBoolean()).isFalse();
  }

  @Test
  void aMergedRecordAnswersWithItsSurvivorAndAnErasedOneWith404() {
    Contact merged = alumni.optedInAlumnus("Merged" + UUID.randomUUID().toString().substring(0, 8));
    Contact survivor =
        alumni.optedInAlumnus("Survivor" + UUID.randomUUID().toString().substring(0, 8));
    store.update(merged.mergedInto(survivor, Instant.now()));
    Contact erased = alumni.optedInAlumnus("Erased" + UUID.randomUUID().toString().substring(0, 8));
    store.update(erased.erased(Instant.now()));

    JsonNode forMerged = json.readTree(api.get(path(merged.id(), "mail-address"), SERVICE).body());
    HttpResponse<String> forErased = api.get(path(erased.id(), "mail-address"), SERVICE);
    HttpResponse<String> forNobody =
        api.get(path("0123456789abcdef01234567", "mail-address"), SERVICE);

    assertThat(forMerged.get("contactId").asString()).isEqualTo(survivor.id());
    assertThat(forMerged.get("email").asString()).isEqualTo(survivor.details().emails().get(0));
    assertThat(forErased.statusCode()).isEqualTo(404);
    assertThat(forErased.body()).doesNotContain("@");
    assertThat(forNobody.statusCode()).isEqualTo(404);
  }

  @Test
  void anUnsubscribeSetsDoNotContactOnceAndTellsTheOtherServices() {
    Contact open = alumni.optedInAlumnus("Unsub" + UUID.randomUUID().toString().substring(0, 8));

    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      HttpResponse<String> first =
          api.send("POST", path(open.id(), "unsubscribe"), SERVICE, null, Map.of());
      HttpResponse<String> again =
          api.send("POST", path(open.id(), "unsubscribe"), SERVICE, null, Map.of());

      assertThat(first.statusCode()).isEqualTo(204);
      assertThat(again.statusCode()).isEqualTo(204);
      Contact stored = mongo.findById(open.id(), Contact.class);
      assertThat(stored.consent().doNotContact()).isTrue();
      assertThat(stored.consent().optedIn()).isFalse();
      assertThat(stored.consentHistory())
          .last()
          .extracting(ConsentChange::actor)
          .isEqualTo(ConsentActor.MAIL_LINK);
      assertThat(
              events
                  .published(open.id(), EventType.CONTACT_CONSENT_CHANGED, Duration.ofSeconds(30))
                  .value())
          .contains("\"doNotContact\":true");
      assertThat(events.pollFor(Duration.ofSeconds(2)))
          .as("the second unsubscribe changes nothing")
          .filteredOn(
              r ->
                  open.id().equals(r.key())
                      && r.value().contains("\"type\":\"ContactConsentChanged\""))
          .hasSize(1);
    }
    JsonNode after = json.readTree(api.get(path(open.id(), "mail-address"), SERVICE).body());
    assertThat(after.get("mayContact").asBoolean()).isFalse();
  }

  @Test
  void theRecordsLinkedToAPlatformUserAreNamedForTheirCalendarFeed() {
    String userId = IDP.userId("linked-" + UUID.randomUUID());
    Contact linked =
        alumni.linkedAlumnus(userId, "Linked" + UUID.randomUUID().toString().substring(0, 8));

    JsonNode theirs =
        json.readTree(
            api.get(
                    "/internal/contacts?linkedUser="
                        + java.net.URLEncoder.encode(
                            userId, java.nio.charset.StandardCharsets.UTF_8),
                    SERVICE)
                .body());
    JsonNode nobodys =
        json.readTree(api.get("/internal/contacts?linkedUser=nobody", SERVICE).body());

    assertThat(theirs.get("contactIds").toString()).isEqualTo("[\"" + linked.id() + "\"]");
    assertThat(nobodys.get("contactIds").size()).isZero();
  }

  @Test
  void anUnsubscribeForNobodyIs404() {
    assertThat(
            api.send(
                    "POST",
                    path("0123456789abcdef01234567", "unsubscribe"),
                    SERVICE,
                    null,
                    Map.of())
                .statusCode())
        .isEqualTo(404);
  }

  private static String path(String id, String what) {
    return "/internal/contacts/" + id + "/" + what;
  }
}
