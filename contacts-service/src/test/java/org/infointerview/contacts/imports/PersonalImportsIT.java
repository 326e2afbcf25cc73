package org.infointerview.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactSource;
import org.infointerview.contacts.contact.ContactStatus;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Students import their own contacts (LinkedIn connections, Google and Outlook address books)
 * through the real API into the real store: PERSONAL contacts owned by them, matched only against
 * their own, seen by nobody else, with limits that say what they are. Each test's people work at an
 * organization of their own, so tests never see each other's rows.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // two rows a batch: every file of more than two rows is matched and written in batches
      "infointerview.imports.batch-size=2",
      "infointerview.imports.personal-max-rows=50",
      "infointerview.http.uploads[0].path=/me/imports",
      "infointerview.http.uploads[0].max-size=64KB"
    })
@InfrastructureTest
class PersonalImportsIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  /** LinkedIn's Connections.csv as it arrives: notes, a blank line, then the header. */
  private static final String LINKEDIN_NOTES =
      """
      Notes:
      "When exporting your connection data, you may notice that some of the email addresses are \
      missing. You will only see email addresses for connections who have allowed their \
      connections to see or download their email address using this setting \
      https://www.linkedin.com/psettings/privacy/email. You can learn more here \
      https://www.linkedin.com/help/linkedin/answer/261"

      First Name,Last Name,URL,Email Address,Company,Position,Connected On
      """;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;
  @Autowired MappingProfiles profiles;

  @Value("${local.server.port}")
  int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private ApiClient api;
  private String org;
  private String tag;
  private String student;
  private String studentId;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    org = "Org" + tag;
    String subject = "student-" + tag;
    student = IDP.token(subject, "student");
    studentId = IDP.userId(subject);
  }

  @Test
  void aStudentsLinkedInConnectionsBecomeTheirOwnContactsThatNobodyElseSees() {
    HttpResponse<String> accepted = upload(student, null, linkedin(), false);

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonNode started = json.readTree(accepted.body());
    String id = started.get("id").asString();
    assertThat(started.get("profile").asString()).isEqualTo("linkedin-connections");
    assertThat(started.get("source").asString()).isEqualTo("PERSONAL");
    assertThat(accepted.headers().firstValue("Location")).hasValue("/me/imports/" + id);
    JsonNode done = awaitEnd(student, id);
    assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(done.get("created").asLong()).isEqualTo(3);
    assertThat(done.get("errorReport").asString()).endsWith("/me/imports/" + id + "/errors");

    List<Contact> mine = ofThisTest();
    assertThat(mine).hasSize(3);
    assertThat(mine)
        .allSatisfy(
            c -> {
              assertThat(c.source()).isEqualTo(ContactSource.PERSONAL);
              assertThat(c.ownerId()).isEqualTo(studentId);
            });
    Contact priya =
        mine.stream().filter(c -> c.details().givenName().equals("Priya")).findFirst().get();
    assertThat(priya.details().jobTitle()).isEqualTo("Data Scientist");
    assertThat(
            mongo
                .findById(priya.id(), org.bson.Document.class, "contacts")
                .getList("provenance", org.bson.Document.class)
                .get(0)
                .getString("reference"))
        .as("where it came from")
        .isEqualTo(id);

    String other = IDP.token("other-" + tag, "student");
    String admin = IDP.token("admin-" + tag, "admin");
    assertThat(api.get("/contacts/" + priya.id(), student).statusCode()).isEqualTo(200);
    assertThat(api.get("/contacts/" + priya.id(), other).statusCode()).isEqualTo(404);
    assertThat(api.get("/contacts/" + priya.id(), admin).statusCode()).isEqualTo(404);
    assertThat(api.get("/contacts?q=" + org, other).body()).doesNotContain(priya.id());
    // the job is the student's alone too
    assertThat(api.get("/me/imports/" + id, other).statusCode()).isEqualTo(404);
    assertThat(api.get("/me/imports/" + id + "/errors", other).statusCode()).isEqualTo(404);
    assertThat(api.get("/imports/" + id, admin).statusCode()).isEqualTo(404);
    assertThat(api.get("/imports", admin).body()).doesNotContain(id);
    assertThat(api.get("/me/imports", student).body()).contains(id);

    // another student's same file makes their own contacts, and leaves these as they are
    String theirs = idOf(upload(other, "linkedin-connections", linkedin(), false));
    assertThat(awaitEnd(other, theirs).get("created").asLong()).isEqualTo(3);
    assertThat(ofThisTest()).hasSize(6);
    assertThat(mongo.findById(priya.id(), Contact.class).currentVersion())
        .isEqualTo(priya.currentVersion());
  }

  @ParameterizedTest
  @ValueSource(strings = {"linkedin-connections", "google-contacts", "outlook-contacts"})
  void theSameFileImportedAgainChangesNothingForEveryBuiltInProfile(String profile) {
    String file =
        switch (profile) {
          case "linkedin-connections" -> linkedin();
          case "google-contacts" -> google();
          default -> outlook();
        };
    JsonNode first = awaitEnd(student, idOf(upload(student, null, file, false)));
    assertThat(first.get("profile").asString()).as("chosen by its columns").isEqualTo(profile);
    assertThat(first.get("failed").asLong()).as(first.toString()).isZero();
    long created = first.get("created").asLong();
    assertThat(created).isEqualTo(3);
    if (profile.equals("outlook-contacts")) {
      assertThat(ofThisTest())
          .anySatisfy(c -> assertThat(c.details().notes()).isEqualTo("Met at the fair"));
    }

    JsonNode again = awaitEnd(student, idOf(upload(student, profile, file, false)));

    assertThat(again.get("created").asLong()).isZero();
    assertThat(again.get("updated").asLong()).isZero();
    assertThat(again.get("unchanged").asLong()).isEqualTo(3);
    assertThat(ofThisTest()).hasSize(3);
  }

  @Test
  void aLinkedInProfileSpelledAnotherWayIsTheSamePerson() {
    awaitEnd(student, idOf(upload(student, null, linkedin(), false)));
    String respelled =
        LINKEDIN_NOTES
            + "Priya,Raman,http://linkedin.com/in/Priya-Raman-"
            + tag.toUpperCase()
            + "/,,"
            + org
            + ",Lead Data Scientist,14 Mar 2024\n"
            + "Jürgen,Müller,https://de.linkedin.com/in/j%C3%BCrgen-m-"
            + tag
            + "?trk=public,,"
            + org
            + ",Engineer,02 Feb 2023\n";

    JsonNode again = awaitEnd(student, idOf(upload(student, null, respelled, false)));

    assertThat(again.get("created").asLong()).as(again.toString()).isZero();
    assertThat(ofThisTest()).hasSize(3);
    assertThat(ofThisTest())
        .anySatisfy(c -> assertThat(c.details().jobTitle()).isEqualTo("Lead Data Scientist"));
  }

  @Test
  void aNamesakeAtTheSameOrganizationIsProposedToTheStudentNeverMergedByItself() {
    awaitEnd(student, idOf(upload(student, null, google(), false)));
    String another =
        "First Name,Last Name,Organization Name,Organization Title\n"
            + "Dana,Park-"
            + tag
            + ","
            + org
            + ",Head Chef\n";

    JsonNode second = awaitEnd(student, idOf(upload(student, "google-contacts", another, false)));

    assertThat(second.get("created").asLong()).as("not merged by itself").isEqualTo(1);
    List<Contact> danas =
        ofThisTest().stream().filter(c -> c.details().givenName().equals("Dana")).toList();
    assertThat(danas).hasSize(2);
    String reviewId =
        danas.get(0).id().compareTo(danas.get(1).id()) < 0
            ? danas.get(0).id() + "~" + danas.get(1).id()
            : danas.get(1).id() + "~" + danas.get(0).id();
    JsonNode proposals = json.readTree(api.get("/me/matches", student).body());
    assertThat(proposals.findValuesAsString("id")).containsExactly(reviewId);
    assertThat(proposals.get(0).get("explanation").toString()).contains("at " + org);
    String admin = IDP.token("admin-" + tag, "admin");
    assertThat(api.get("/matches", admin).body()).doesNotContain(reviewId);
    assertThat(api.get("/matches/" + reviewId, admin).statusCode()).isEqualTo(404);
    assertThat(
            api.get("/me/matches/" + reviewId, IDP.token("other-" + tag, "student")).statusCode())
        .isEqualTo(404);

    HttpResponse<String> merged =
        api.post(
            "/me/matches/" + reviewId + "/merge",
            student,
            "{\"survivorId\": \"" + danas.get(0).id() + "\"}");

    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
    assertThat(ofThisTest().stream().filter(c -> c.details().givenName().equals("Dana")))
        .singleElement()
        .satisfies(c -> assertThat(c.id()).isEqualTo(danas.get(0).id()));
  }

  @Test
  void aDryRunShowsTheRowsAsTheyWouldBeStoredAndStoresNothing() {
    HttpResponse<String> preview = upload(student, null, google(), true);

    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    JsonNode body = json.readTree(preview.body());
    assertThat(body.get("profile").asString()).isEqualTo("google-contacts");
    assertThat(body.get("rows").asLong()).isEqualTo(3);
    assertThat(body.get("sample").get(0).get("emails").size()).isEqualTo(2);
    assertThat(body.get("unmappedHeaders").toString()).contains("Labels").doesNotContain("Notes");
    assertThat(body.get("sample").get(0).get("notes").asString()).isEqualTo("Family");
    assertThat(body.get("consent").get("notOptedIn").asLong())
        .as("no directory consent for one's own contacts")
        .isZero();
    assertThat(ofThisTest()).isEmpty();
  }

  @Test
  void aBadRowIsReportedToTheStudentAndAnUndoTakesTheImportBack() {
    String file =
        LINKEDIN_NOTES
            + "Ada,Lovelace-"
            + tag
            + ",,not-an-address,"
            + org
            + ",Engineer,01 Jan 2024\n"
            + "Grace,Hopper-"
            + tag
            + ",,,"
            + org
            + ",Admiral,01 Jan 2024\n";
    String id = idOf(upload(student, null, file, false));
    JsonNode done = awaitEnd(student, id);
    assertThat(done.get("created").asLong()).isEqualTo(1);
    assertThat(done.get("failed").asLong()).isEqualTo(1);

    HttpResponse<String> report = api.get("/me/imports/" + id + "/errors", student);
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.body()).contains("Email Address", "not-an-address");
    assertThat(report.body().lines().filter(l -> l.contains("not-an-address")).findFirst())
        .hasValueSatisfying(l -> assertThat(l).as("the row a spreadsheet shows").startsWith("5,"));

    HttpResponse<String> undo = api.post("/me/imports/" + id + "/undo", student, "");
    assertThat(undo.statusCode()).as(undo.body()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                json.readTree(api.get("/me/imports/" + id, student).body())
                    .get("status")
                    .asString()
                    .equals("UNDONE"));
    assertThat(
            mongo.count(
                Query.query(
                    Criteria.where("ownerId")
                        .is(studentId)
                        .and("status")
                        .is(ContactStatus.ACTIVE)
                        .and("organizationKey")
                        .is(org.toLowerCase())),
                Contact.class))
        .isZero();
  }

  @Test
  void eachLimitSaysWhatItIsAndStoresNothing() {
    StringBuilder tooMany = new StringBuilder(LINKEDIN_NOTES);
    for (int i = 0; i < 51; i++) {
      tooMany.append("A,B").append(i).append(",,,").append(org).append(",X,01 Jan 2024\n");
    }
    HttpResponse<String> rows = upload(student, null, tooMany.toString(), false);
    assertThat(rows.statusCode()).isEqualTo(422);
    assertThat(json.readTree(rows.body()).get("detail").asString()).contains("more than 50 rows");

    String big = LINKEDIN_NOTES + ("A,B,,,C,D,E\n".repeat(7000));
    HttpResponse<String> bytes;
    try {
      bytes = upload(student, null, big, false);
    } catch (java.io.UncheckedIOException closedEarly) {
      // the server may answer 413 and close before the client has sent everything: sent again
      // in chunks, the answer is read whole
      bytes = upload(student, null, big, false);
    }
    assertThat(bytes.statusCode()).isEqualTo(413);
    assertThat(json.readTree(bytes.body()).get("detail").asString()).contains("64 KB");

    ImportJob running = underWay();
    try {
      HttpResponse<String> busy = upload(student, null, linkedin(), false);
      assertThat(busy.statusCode()).as(busy.body()).isEqualTo(409);
      assertThat(json.readTree(busy.body()).get("detail").asString()).contains("under way");
      assertThat(mongo.count(Query.query(Criteria.where("ownerId").is(studentId)), "import_jobs"))
          .as("only the one under way")
          .isEqualTo(1);
    } finally {
      mongo.remove(running);
    }
    assertThat(ofThisTest()).isEmpty();
  }

  @Test
  void eachSideKeepsToItsOwnProfiles() {
    HttpResponse<String> directoryProfile = upload(student, "alumni-db-export", linkedin(), false);
    assertThat(directoryProfile.statusCode()).isEqualTo(400);
    assertThat(directoryProfile.body())
        .contains("career center's directory", "linkedin-connections");

    String admin = IDP.token("admin-" + tag, "admin");
    HttpResponse<String> adminsLinkedIn =
        api.send(
            "POST",
            "/imports?profile=linkedin-connections&fileName=" + org,
            admin,
            linkedin(),
            Map.of("Content-Type", "text/csv"));
    assertThat(adminsLinkedIn.statusCode()).isEqualTo(400);
    assertThat(adminsLinkedIn.body()).contains("/me/imports");

    HttpResponse<String> unknown = upload(student, null, "Alumni ID,Given,Family\n1,A,B\n", false);
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(json.readTree(unknown.body()).get("detail").asString())
        .contains("LinkedIn, Google Contacts or Outlook");

    assertThat(api.get("/me/imports/profiles", student).body())
        .contains("linkedin-connections", "google-contacts", "outlook-contacts")
        .doesNotContain("alumni-db-export");
    assertThat(mongo.count(Query.query(Criteria.where("fileName").is(org)), "import_jobs"))
        .isZero();
    assertThat(ofThisTest()).isEmpty();
  }

  @Test
  void theDirectoryMatchesAPersonByTheirLinkedInProfileWhenNoAddressIsGiven() {
    String admin = IDP.token("admin-" + tag, "admin");
    String header = "First Name,Last Name,LinkedIn,Employer,Job Title\n";
    String first =
        header
            + "Mei,Chen-"
            + tag
            + ",https://www.linkedin.com/in/mei-"
            + tag
            + ","
            + org
            + ",PM\n";
    String second =
        header + "Mei,Chen-" + tag + ",linkedin.com/in/MEI-" + tag + "/," + org + ",Director\n";
    String a = idOf(adminUpload(admin, first));
    assertThat(awaitEnd(admin, "/imports/", a).get("created").asLong()).isEqualTo(1);

    JsonNode again = awaitEnd(admin, "/imports/", idOf(adminUpload(admin, second)));

    assertThat(again.get("created").asLong()).isZero();
    assertThat(again.get("updated").asLong()).isEqualTo(1);
    List<Contact> directory =
        mongo.find(
            Query.query(Criteria.where("organizationKey").is(org.toLowerCase())), Contact.class);
    assertThat(directory).singleElement().satisfies(c -> assertThat(c.ownerId()).isNull());
    assertThat(directory.get(0).details().jobTitle()).isEqualTo("Director");
  }

  @Test
  void anInstallationWhoseLinkedInProfileFedTheDirectoryHasItReadStudentsOwnFilesNow() {
    Query linkedin = Query.query(Criteria.where("_id").is("linkedin-connections"));
    mongo.updateFirst(
        linkedin,
        new Update().set("source", ContactSource.EMPLOYER_DIRECTORY).set("version", 0L),
        MappingProfile.class);

    profiles.seed();

    assertThat(mongo.findOne(linkedin, MappingProfile.class).source())
        .isEqualTo(ContactSource.PERSONAL);
    String admin = IDP.token("admin-" + tag, "admin");
    HttpResponse<String> saved =
        api.put(
            "/imports/profiles/linkedin-connections",
            admin,
            """
            {"source": "EMPLOYER_DIRECTORY", "columns": [
              {"header": "First Name", "target": "givenName"},
              {"header": "Last Name", "target": "familyName"}]}
            """);
    assertThat(saved.statusCode()).isEqualTo(400);
    assertThat(saved.body()).contains("students' own files");
    assertThat(mongo.findOne(linkedin, MappingProfile.class).source())
        .isEqualTo(ContactSource.PERSONAL);
  }

  private String linkedin() {
    return LINKEDIN_NOTES
        + "Priya,Raman,https://www.linkedin.com/in/priya-raman-"
        + tag
        + ",,"
        + org
        + ",Data Scientist,14 Mar 2024\n"
        + "Jürgen,Müller,https://www.linkedin.com/in/jürgen-m-"
        + tag
        + ",jm-"
        + tag
        + "@example.org,"
        + org
        + ",\"Engineer, Platform\",02 Feb 2023\n"
        + "Ngozi,Okafor,https://www.linkedin.com/in/ngozi-"
        + tag
        + ",,"
        + org
        + ",Nurse,10 Oct 2022\n";
  }

  /** Google's CSV: two addresses in one cell, a row with nothing but names and organization. */
  private String google() {
    return "First Name,Middle Name,Last Name,Nickname,Organization Name,Organization Title,"
        + "Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\n"
        + "Aunt,,Rosa-"
        + tag
        + ",,"
        + org
        + ",Architect,Family,* myContacts ::: Family,* Home,rosa-"
        + tag
        + "@example.org ::: rosa.w-"
        + tag
        + "@example.org,Mobile,+1 312-555-0101\n"
        + "Sam,,Lee-"
        + tag
        + ",Sammy,"
        + org
        + ",Teacher,,* myContacts,,,Mobile,+44 20 7946 0958\n"
        + "Dana,,Park-"
        + tag
        + ",,"
        + org
        + ",Chef,,* myContacts,,,,\n";
  }

  /** Outlook's CSV as Windows writes it: Windows-1252, the honorific in Title. */
  private String outlook() {
    return "First Name,Middle Name,Last Name,Title,Suffix,Nickname,E-mail Address,"
        + "E-mail 2 Address,Mobile Phone,Business Phone,Company,Job Title,Business City,Notes\n"
        + "René,,Dubois-"
        + tag
        + ",Dr.,,,rene-"
        + tag
        + "@example.org,,,(312) 555-0199,"
        + org
        + ",Surgeon,Chicago,Met at the fair\n"
        + "Zoë,,Adams-"
        + tag
        + ",,,,,,+1 773 555 0100,,"
        + org
        + ",Counsel,,\n"
        + "Li,,Wei-"
        + tag
        + ",,,,,,,,"
        + org
        + ",Analyst,,\n";
  }

  private HttpResponse<String> upload(String token, String profile, String file, boolean dryRun) {
    Charset charset =
        file.startsWith("First Name,Middle Name,Last Name,Title")
            ? Charset.forName("windows-1252")
            : StandardCharsets.UTF_8;
    String query =
        "?dryRun=" + dryRun + "&fileName=" + org + (profile == null ? "" : "&profile=" + profile);
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/me/imports" + query))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "text/csv")
              .POST(HttpRequest.BodyPublishers.ofByteArray(file.getBytes(charset)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> adminUpload(String admin, String file) {
    return api.send(
        "POST",
        "/imports?profile=alumni-db-export&fileName=" + org,
        admin,
        file,
        Map.of("Content-Type", "text/csv"));
  }

  /** A job of this student's that is running, as if a file were being imported right now. */
  private ImportJob underWay() {
    ImportJob job =
        new ImportJob(
            "running-" + tag,
            "linkedin-connections",
            ContactSource.PERSONAL,
            "Connections.csv",
            100,
            "UTF-8",
            ",",
            ImportStatus.RUNNING,
            10,
            1,
            0,
            0,
            0,
            0,
            0,
            studentId,
            Instant.now(),
            Instant.now(),
            null,
            Instant.now(),
            null,
            false,
            null,
            0,
            0,
            0,
            studentId,
            List.of(),
            List.of(),
            null,
            studentId);
    return mongo.insert(job);
  }

  private List<Contact> ofThisTest() {
    return mongo.find(
        Query.query(
            Criteria.where("organizationKey")
                .is(org.toLowerCase())
                .and("status")
                .is(ContactStatus.ACTIVE)),
        Contact.class);
  }

  private String idOf(HttpResponse<String> accepted) {
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    return json.readTree(accepted.body()).get("id").asString();
  }

  private JsonNode awaitEnd(String token, String id) {
    return awaitEnd(token, "/me/imports/", id);
  }

  private JsonNode awaitEnd(String token, String path, String id) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              last[0] = json.readTree(api.get(path + id, token).body());
              return List.of("COMPLETED", "CANCELLED", "FAILED")
                  .contains(last[0].get("status").asString());
            });
    return last[0];
  }
}
