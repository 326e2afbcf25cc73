package org.infointerview.contacts.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.types.ObjectId;
import org.infointerview.contacts.contact.AlumniFacts;
import org.infointerview.contacts.contact.Consent;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactDetails;
import org.infointerview.contacts.contact.ContactDetailsBuilder;
import org.infointerview.contacts.contact.ContactPreference;
import org.infointerview.contacts.contact.ContactSource;
import org.infointerview.contacts.contact.ContactStatus;
import org.infointerview.contacts.contact.InstitutionContacts;
import org.infointerview.contacts.contact.Provenance;
import org.infointerview.events.Topics;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Outbox;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Probable duplicates found, reviewed, merged and unmerged through the API. */
@ServiceIT
class MatchingIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;
  @Autowired AggregateStore store;
  @Autowired Outbox outbox;
  @Autowired DuplicateFinder finder;

  ApiClient api;
  private InstitutionContacts alumni;
  private final String admin = IDP.token("admin-" + UUID.randomUUID(), "admin");

  @BeforeEach
  void setUp() {
    alumni = new InstitutionContacts(store).withoutAlumniIds();
  }

  @Test
  void similarNamesWithTheSameYearBecomeAReviewAndAMergeUnitesThemUntilUndone() {
    String family = "Fam" + UUID.randomUUID().toString().substring(0, 8);
    Contact jon = person("Jon", family, "Acme", 2015);
    Contact john = person("John", family, "Other Corp", 2015);
    Contact jane = person("Jane", family, "Third Corp", 2001);

    finder.scan(List.of(family.toLowerCase()));
    String id = MatchReview.pairKey(jon.id(), john.id());
    JsonNode review = json.readTree(api.get("/matches/" + id, admin).body());
    assertThat(review.get("status").asString()).isEqualTo("OPEN");
    assertThat(review.get("reasons").toString()).contains("SAME_GRADUATION_YEAR");
    assertThat(review.get("score").asDouble()).isGreaterThan(0.88);
    assertThat(mongo.findById(MatchReview.pairKey(jon.id(), jane.id()), MatchReview.class))
        .isNull();
    assertThat(api.get("/matches", admin).body()).contains(id);

    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      var merged =
          api.post("/matches/" + id + "/merge", admin, "{\"survivorId\": \"" + jon.id() + "\"}");
      assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);

      Contact survivor = mongo.findById(jon.id(), Contact.class);
      assertThat(survivor.details().emails())
          .containsExactlyInAnyOrder(jon.details().emails().get(0), john.details().emails().get(0));
      assertThat(mongo.findById(john.id(), Contact.class).status()).isEqualTo(ContactStatus.MERGED);
      assertThat(api.get("/contacts/" + john.id(), admin).statusCode()).isEqualTo(404);
      assertThat(events.pollForKey(jon.id(), Duration.ofSeconds(30)))
          .anySatisfy(
              r ->
                  assertThat(r.value())
                      .contains("\"type\":\"ContactMerged\"")
                      .contains("\"mergedId\":\"" + john.id() + "\""));
    }
    assertThat(
            api.post("/matches/" + id + "/merge", admin, "{\"survivorId\": \"" + jon.id() + "\"}")
                .statusCode())
        .isEqualTo(400);

    var undone = api.post("/matches/" + id + "/undo", admin, "");
    assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
    assertThat(mongo.findById(jon.id(), Contact.class).details().emails()).hasSize(1);
    assertThat(mongo.findById(john.id(), Contact.class).status()).isEqualTo(ContactStatus.ACTIVE);
    assertThat(json.readTree(undone.body()).get("status").asString()).isEqualTo("OPEN");
  }

  @Test
  void aPairMarkedDistinctIsNeverProposedAgain() {
    String family = "Fam" + UUID.randomUUID().toString().substring(0, 8);
    Contact ann = person("Ann", family, "Same Org", 2010);
    Contact anne = person("Anne", family, "Same Org", 1999);
    String id = MatchReview.pairKey(ann.id(), anne.id());
    finder.scan(List.of(family.toLowerCase()));
    assertThat(json.readTree(api.get("/matches/" + id, admin).body()).get("reasons").toString())
        .contains("SAME_ORGANIZATION");

    assertThat(api.post("/matches/" + id + "/distinct", admin, "").statusCode()).isEqualTo(200);
    finder.scan(List.of(family.toLowerCase()));

    assertThat(mongo.findById(id, MatchReview.class).status()).isEqualTo(MatchStatus.DISTINCT);
    assertThat(api.get("/matches", admin).body()).doesNotContain(id);
  }

  @Test
  void anImportOpensReviewsForTheFamiliesItWrote() {
    String family = "Imp" + UUID.randomUUID().toString().substring(0, 8);
    Contact existing = person("Katherine", family, "NASA", 1937);

    importKatharine(family);

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mongo.count(Query.query(involving(existing)), MatchReview.class) == 1);
  }

  @Test
  void onePersonUnderTwoAlumniIdsIsProposedWhenTheClassYearAndAStrongSignalAgree() {
    String family = "Two" + UUID.randomUUID().toString().substring(0, 8);
    String phone = "+1312555" + (1000 + new java.util.Random().nextInt(8999));
    Contact first = record("Grace", family, 1934, phone, "Navy", "Admiral");
    Contact second = record("Grace", family, 1934, phone, "Remington Rand", "Engineer");
    // the same name and year, nothing else shared: two people
    Contact namesake = record("Grace", family, 1934, null, "Other", "Teacher");
    // the same phone, another year: two people
    Contact otherYear = record("Grace", family, 1960, phone, "Navy", "Admiral");

    finder.scan(List.of(family.toLowerCase()));

    JsonNode review =
        json.readTree(
            api.get("/matches/" + MatchReview.pairKey(first.id(), second.id()), admin).body());
    assertThat(review.get("status").asString()).isEqualTo("OPEN");
    assertThat(review.get("reasons").toString())
        .contains("TWO_ALUMNI_IDS", "SAME_GRADUATION_YEAR", "SAME_PHONE");
    assertThat(review.get("explanation").toString())
        .contains(first.details().externalAlumniId(), "Both have the phone number " + phone);
    assertThat(mongo.findById(MatchReview.pairKey(first.id(), namesake.id()), MatchReview.class))
        .isNull();
    assertThat(mongo.findById(MatchReview.pairKey(first.id(), otherYear.id()), MatchReview.class))
        .isNull();
    assertThat(mongo.findById(MatchReview.pairKey(second.id(), otherYear.id()), MatchReview.class))
        .isNull();
  }

  @Test
  void undoingAnImportClosesTheReviewsOfTheContactsItErased() {
    String family = "Und" + UUID.randomUUID().toString().substring(0, 8);
    Contact existing = person("Katherine", family, "NASA", 1937);
    String importId = importKatharine(family);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mongo.count(Query.query(involving(existing)), MatchReview.class) == 1);
    String reviewId = mongo.findOne(Query.query(involving(existing)), MatchReview.class).id();

    assertThat(api.post("/imports/" + importId + "/undo", admin, "").statusCode()).isEqualTo(202);

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mongo.findById(reviewId, MatchReview.class).status() == MatchStatus.CLOSED);
    assertThat(api.get("/matches", admin).body()).doesNotContain(reviewId);
  }

  /** Imports a Katharine of the family, class of 1937: the import's id. */
  private String importKatharine(String family) {
    String csv =
        "First Name,Last Name,Email,Class Year\nKatharine,"
            + family
            + ",kj-"
            + UUID.randomUUID()
            + "@example.org,1937\n";
    var accepted =
        api.send(
            "POST",
            "/imports?profile=alumni-db-export",
            admin,
            csv,
            Map.of("Content-Type", "text/csv"));
    assertThat(accepted.statusCode()).isEqualTo(202);
    return json.readTree(accepted.body()).get("id").asString();
  }

  private static Criteria involving(Contact contact) {
    return new Criteria()
        .orOperator(
            Criteria.where("firstId").is(contact.id()),
            Criteria.where("secondId").is(contact.id()));
  }

  /** An alumni record under an alumni id of its own, with the phone given (or none). */
  private Contact record(
      String given, String family, int year, String phone, String org, String title) {
    ContactDetails details =
        ContactDetailsBuilder.builder()
            .givenName(given)
            .familyName(family)
            .phones(phone == null ? List.of() : List.of(phone))
            .organizationName(org)
            .jobTitle(title)
            .alumni(new AlumniFacts("A-" + UUID.randomUUID(), year, "BS", "Math", "Arts"))
            .build();
    Instant now = Instant.now();
    return store.insert(
        Contact.institutional(
            new ObjectId().toHexString(),
            ContactSource.ALUMNI_IMPORT,
            details,
            Consent.notAsked(),
            new Provenance("IMPORT", "fixture", 1L, now, details.fieldsSet()),
            now));
  }

  private Contact person(String given, String family, String org, int year) {
    return alumni.alumnus(
        given,
        family,
        given.toLowerCase() + "-" + UUID.randomUUID() + "@example.org",
        org,
        "Engineer",
        year,
        "Physics",
        List.of("STEM"),
        InstitutionContacts.optedIn(ContactPreference.SHOW_EMAIL));
  }
}
