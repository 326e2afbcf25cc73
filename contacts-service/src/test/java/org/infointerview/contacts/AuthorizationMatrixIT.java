package org.infointerview.contacts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.infointerview.contacts.alumnisync.AlumniSyncFixtures;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.InstitutionContacts;
import org.infointerview.contacts.matching.DuplicateFinder;
import org.infointerview.events.Topics;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Outbox;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.AuthorizationMatrix;
import org.infointerview.testinfra.AuthorizationMatrixTestSupport;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TopicProbe;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every row of {@code authorization-matrix.csv} against the real service. A denied write must
 * leave the store as it was and put nothing on the topic.
 */
@ServiceIT
class AuthorizationMatrixIT extends AuthorizationMatrixTestSupport {

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper jsonMapper;
  @Autowired AggregateStore store;
  @Autowired Outbox outbox;
  @Autowired DuplicateFinder duplicates;

  /** The endpoints that take a file as the request body. */
  private static final List<String> FILE_UPLOADS = List.of("POST /imports", "POST /me/imports");

  /** Resources that are no contact, so have no contact version. */
  private static final List<String> IMPORTS_MATCHES_ORGS =
      List.of("import", "ownimport", "othersimport", "match", "ownmatch", "othersmatch", "org");

  @Override
  protected void check(AuthorizationMatrix.Row row) {
    if (row.path().startsWith("/dead-letters")) {
      checkDeadLetters(row);
      return;
    }
    ApiClient api = api();
    String caller = "caller-" + UUID.randomUUID();
    String marker = "Marker" + UUID.randomUUID().toString().replace("-", "");
    String code = "CODE_" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    String contactId = prepare(api, row, caller, marker);
    if (row.path().contains("{code}")) {
      HttpResponse<String> added =
          api.post(
              "/career-fields",
              IDP.token("root", "admin"),
              "{\"code\": \"" + code + "\", \"name\": \"Fixture\", \"kind\": \"INDUSTRY\"}");
      assertThat(added.statusCode()).isEqualTo(201);
    }
    String path =
        row.path()
            .replace("{id}", String.valueOf(contactId))
            .replace("{code}", code)
            .replace("{name}", "matrix-" + marker.toLowerCase());
    if (row.endpoint().equals("POST /imports")) {
      path += "?profile=alumni-db-export&fileName=" + marker;
    }
    if (row.endpoint().equals("POST /me/imports")) {
      path += "?fileName=" + marker;
    }
    if (row.endpoint().equals("GET /internal/contacts")) {
      path += "?linkedUser=" + java.net.URLEncoder.encode(IDP.userId(caller), UTF_8);
    }
    String token = tokenFor(row, caller);
    String body = row.writes() ? body(row, marker, code) : null;
    if (body != null && row.resource().endsWith("match")) {
      body = body.replace("SURVIVOR", contactId.substring(0, contactId.indexOf('~')));
    }
    long version =
        contactId == null || IMPORTS_MATCHES_ORGS.contains(row.resource())
            ? 0
            : mongo.findById(contactId, Contact.class).currentVersion();
    Map<String, String> headers =
        FILE_UPLOADS.contains(row.endpoint())
            ? Map.of("Content-Type", "text/csv")
            : row.method().equals("PUT")
                        && (row.path().startsWith("/contacts/")
                            || row.path().startsWith("/organizations/"))
                        && !row.path().endsWith("/consent")
                    || row.path().equals("/me/profile")
                ? Map.of("If-Match", "\"" + version + "\"")
                : Map.of();

    HttpResponse<String> response = api.send(row.method(), path, token, body, headers);

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
    if ("GET /contacts".equals(row.endpoint()) && "others".equals(row.resource())) {
      assertThat(response.body()).doesNotContain(contactId);
    }
    if (row.writes() && row.expected() >= 400) {
      assertNothingChanged(row, marker, contactId, version);
    }
  }

  /**
   * One probe on the contacts topic for the whole matrix (a probe reads the topic from its start:
   * one per row read it all again each time), and each denied write's marks, checked again at the
   * end for an event that came late.
   */
  private static @Nullable TopicProbe events;

  private static final List<Denied> DENIED = new ArrayList<>();

  private record Denied(String row, String marker, @Nullable String contactId) {}

  private static TopicProbe events() {
    if (events == null) {
      events = TopicProbe.on(Topics.CONTACTS);
    }
    return events;
  }

  @AfterAll
  static void noDeniedWriteCausedAnEventLater() {
    if (events == null) {
      return;
    }
    try {
      List<ConsumerRecord<String, String>> seen = events.pollFor(Duration.ofSeconds(2));
      for (Denied denied : DENIED) {
        assertThat(seen)
            .as("events after a denied " + denied.row())
            .noneMatch(r -> causedBy(r, denied.marker(), denied.contactId()));
      }
    } finally {
      events.close();
      events = null;
    }
  }

  private static boolean causedBy(
      ConsumerRecord<String, String> record, String marker, @Nullable String contactId) {
    return !record.value().contains("\"type\":\"ContactCreated\"")
        && !record.value().contains("\"type\":\"AlumniImportCompleted\"")
        && (record.value().contains(marker) || record.key().equals(contactId));
  }

  private @Nullable String prepare(
      ApiClient api, AuthorizationMatrix.Row row, String caller, String marker) {
    InstitutionContacts alumni = new InstitutionContacts(store);
    return switch (row.resource()) {
      case "own" ->
          row.path().startsWith("/me/profile")
              ? alumni.linkedAlumnus(IDP.userId(caller), "Owned" + marker).id()
              : personalContact(api, caller, "Owned" + marker);
      case "others" -> personalContact(api, "owner-" + UUID.randomUUID(), "Owned" + marker);
      case "alumni" -> alumni.optedInAlumnus("Owned" + marker).id();
      case "import" -> finishedImport(api, marker);
      case "ownimport" -> finishedPersonalImport(api, caller, marker);
      case "othersimport" -> finishedPersonalImport(api, "owner-" + UUID.randomUUID(), marker);
      case "match" -> openMatch(marker);
      case "ownmatch" -> ownMatch(api, caller, marker);
      case "othersmatch" -> ownMatch(api, "owner-" + UUID.randomUUID(), marker);
      case "sync" -> alumniSyncSetUp();
      case "org" -> organization(api, marker);
      default -> null;
    };
  }

  private void assertNothingChanged(
      AuthorizationMatrix.Row row, String marker, @Nullable String contactId, long version) {
    assertThat(
            mongo.count(Query.query(Criteria.where("details.familyName").is(marker)), "contacts"))
        .as("stored after a denied " + row)
        .isZero();
    assertThat(mongo.count(Query.query(Criteria.where("name").is(marker)), "career_fields"))
        .as("taxonomy changed after a denied " + row)
        .isZero();
    assertThat(mongo.count(Query.query(Criteria.where("fileName").is(marker)), "import_jobs"))
        .as("import started after a denied " + row)
        .isZero();
    assertThat(
            mongo.count(
                Query.query(Criteria.where("_id").is("matrix-" + marker.toLowerCase())),
                "import_profiles"))
        .as("profile saved after a denied " + row)
        .isZero();
    assertThat(mongo.count(Query.query(Criteria.where("details.name").is(marker)), "organizations"))
        .as("organization stored after a denied " + row)
        .isZero();
    assertThat(
            mongo.count(
                Query.query(
                    Criteria.where("action")
                        .is("PERSON_ERASURE_REQUESTED")
                        .and("purpose")
                        .regex(marker)),
                "audit_log"))
        .as("erasure requested after a denied " + row)
        .isZero();
    if ("org".equals(row.resource())) {
      Document organization = mongo.findById(contactId, Document.class, "organizations");
      assertThat(organization).as("organization removed after a denied " + row).isNotNull();
      assertThat(organization.get("version", Number.class).longValue())
          .as("organization changed after a denied " + row)
          .isZero();
    } else if (row.resource().endsWith("match")) {
      assertThat(mongo.findById(contactId, Document.class, "match_reviews").getString("status"))
          .as("match decided after a denied " + row)
          .isEqualTo("OPEN");
    } else if (row.resource().endsWith("import")) {
      assertThat(mongo.findById(contactId, Document.class, "import_jobs").getString("status"))
          .as("import changed after a denied " + row)
          .isEqualTo("COMPLETED");
    } else if (contactId != null) {
      Contact contact = mongo.findById(contactId, Contact.class);
      assertThat(contact.currentVersion()).as("changed after a denied " + row).isEqualTo(version);
    }
    DENIED.add(new Denied(row.toString(), marker, contactId));
    assertThat(events().pollFor(Duration.ofMillis(300)))
        .as("events after a denied " + row)
        .noneMatch(r -> causedBy(r, marker, contactId));
  }

  /** A student's own possible duplicate: two of their contacts, one name at one organization. */
  private String ownMatch(ApiClient api, String owner, String marker) {
    String family = "Own" + marker;
    String body =
        "{\"givenName\": \"Dana\", \"familyName\": \""
            + family
            + "\", \"organizationName\": \"Acme\"}";
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> created = api.post("/contacts", IDP.token(owner, "student"), body);
      assertThat(created.statusCode()).isEqualTo(201);
      ids.add(jsonMapper.readTree(created.body()).get("id").asString());
    }
    duplicates.scanOwn(IDP.userId(owner), List.of(family.toLowerCase()));
    String id =
        ids.get(0).compareTo(ids.get(1)) < 0
            ? ids.get(0) + "~" + ids.get(1)
            : ids.get(1) + "~" + ids.get(0);
    assertThat(mongo.findById(id, Document.class, "match_reviews")).isNotNull();
    return id;
  }

  private String openMatch(String marker) {
    InstitutionContacts people = new InstitutionContacts(store).withoutAlumniIds();
    String family = "Match" + marker;
    Contact a =
        people.alumnus(
            "Jon",
            family,
            "a-" + marker + "@example.org",
            "Org",
            "Engineer",
            2015,
            "Physics",
            List.of(),
            InstitutionContacts.notAsked());
    Contact b =
        people.alumnus(
            "John",
            family,
            "b-" + marker + "@example.org",
            "Org",
            "Engineer",
            2015,
            "Physics",
            List.of(),
            InstitutionContacts.notAsked());
    duplicates.scan(List.of(family.toLowerCase()));
    String id = a.id().compareTo(b.id()) < 0 ? a.id() + "~" + b.id() : b.id() + "~" + a.id();
    assertThat(mongo.findById(id, Document.class, "match_reviews")).isNotNull();
    return id;
  }

  /**
   * Alumni sync settings, stored as they are (past the address check, as if the name had resolved
   * elsewhere when saved), with no run going on.
   */
  private String organization(ApiClient api, String marker) {
    HttpResponse<String> added =
        api.post(
            "/organizations", IDP.token("root", "admin"), "{\"name\": \"Fixture " + marker + "\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    return jsonMapper.readTree(added.body()).get("id").asString();
  }

  private @Nullable String alumniSyncSetUp() {
    if (mongo.findById("settings", Document.class, "alumni_sync") == null) {
      AlumniSyncFixtures.storeUnchecked(mongo, "https://127.0.0.1:9/alumni");
    }
    AlumniSyncFixtures.awaitNoRun(mongo);
    return null;
  }

  private String finishedImport(ApiClient api, String marker) {
    String csv = "First Name,Last Name\nMatrix,Imported" + marker + "\n";
    HttpResponse<String> accepted =
        api.send(
            "POST",
            "/imports?profile=alumni-db-export&fileName=fixture-" + marker,
            IDP.token("root", "admin"),
            csv,
            Map.of("Content-Type", "text/csv"));
    return completed(accepted);
  }

  /** A student's own import, ended: run by {@code owner} (a subject) from a file of one row. */
  private String finishedPersonalImport(ApiClient api, String owner, String marker) {
    String csv = "First Name,Last Name,URL\nMatrix,Personal" + marker + ",\n";
    HttpResponse<String> accepted =
        api.send(
            "POST",
            "/me/imports?fileName=fixture-" + marker,
            IDP.token(owner, "student"),
            csv,
            Map.of("Content-Type", "text/csv"));
    return completed(accepted);
  }

  /** The id of the import an upload started, once it has completed. */
  private String completed(HttpResponse<String> accepted) {
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String id = jsonMapper.readTree(accepted.body()).get("id").asString();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "COMPLETED"
                    .equals(mongo.findById(id, Document.class, "import_jobs").getString("status")));
    return id;
  }

  private static @Nullable String body(AuthorizationMatrix.Row row, String marker, String code) {
    if (FILE_UPLOADS.contains(row.endpoint())) {
      return "First Name,Last Name\nMatrix," + marker + "\n";
    }
    if (row.path().endsWith("/merge")) {
      return "{\"survivorId\": \"" + "SURVIVOR" + "\"}";
    }
    if (row.path().startsWith("/matches")
        || row.path().startsWith("/me/matches")
        || row.path().startsWith("/internal/")
        || row.path().startsWith("/imports/{id}")
        || row.path().startsWith("/me/imports/{id}")
        || row.path().equals("/alumni-sync/runs")) {
      return null;
    }
    if (row.path().startsWith("/organizations")) {
      return "{\"name\": \"" + marker + "\"}";
    }
    if (row.path().equals("/people/erasures")) {
      return "{\"userId\": \"https://matrix.example.edu|"
          + marker
          + "\", \"reason\": \""
          + marker
          + "\"}";
    }
    if (row.path().equals("/me/erasure")) {
      return "{\"reason\": \"" + marker + "\"}";
    }
    if (row.path().equals("/alumni-sync")) {
      // an admin is refused for the page size, before anything else is looked at
      return "{\"baseUrl\": \"https://93.184.216.34/alumni\", \"authentication\": \"NONE\","
          + " \"pageSize\": 0}";
    }
    if (row.path().startsWith("/imports/profiles/")) {
      return "{\"source\": \"ALUMNI_IMPORT\", \"columns\": [{\"header\": \"A\", \"target\":"
          + " \"givenName\"}, {\"header\": \"B\", \"target\": \"familyName\"}]}";
    }
    if (row.path().endsWith("/consent")) {
      return "{\"optedIn\": false, \"doNotContact\": true}";
    }
    if (row.path().equals("/me/profile")) {
      return "{\"jobTitle\": \"" + marker + "\"}";
    }
    if (row.path().equals("/career-fields")) {
      return "{\"code\": \"" + code + "\", \"name\": \"" + marker + "\", \"kind\": \"INDUSTRY\"}";
    }
    if (row.path().startsWith("/career-fields/")) {
      return "{\"name\": \"" + marker + "\", \"retired\": false}";
    }
    return contact(marker);
  }

  private String personalContact(ApiClient api, String ownerSubject, String familyName) {
    HttpResponse<String> created =
        api.post("/contacts", IDP.token(ownerSubject, "student"), contact(familyName));
    assertThat(created.statusCode()).isEqualTo(201);
    return jsonMapper.readTree(created.body()).get("id").asString();
  }

  private static String contact(String familyName) {
    return "{\"givenName\": \"Matrix\", \"familyName\": \"" + familyName + "\"}";
  }
}
