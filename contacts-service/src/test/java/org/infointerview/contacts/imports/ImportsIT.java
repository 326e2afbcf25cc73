package org.infointerview.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactStatus;
import org.infointerview.events.Topics;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TestIdentityProvider;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * Imports through the real API, into the real store, with their events on the real topic. Each
 * test's people carry an organization name of their own, so tests never see each other's rows.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // two rows a batch: every file of more than two rows is matched and written in batches
      "infointerview.imports.batch-size=2",
      "infointerview.http.uploads[0].path=/imports",
      "infointerview.http.uploads[0].max-size=20MB",
      "spring.servlet.multipart.max-file-size=20MB",
      "spring.servlet.multipart.max-request-size=20MB"
    })
@InfrastructureTest
class ImportsIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final String HEADER =
      "Alumni ID,First Name,Last Name,Email,Phone,Employer,Job Title,Class Year,Major,Mentor Opt-In\n";

  @Autowired MongoTemplate mongo;
  @Autowired ImportService imports;
  @Autowired MappingProfiles profiles;
  @Autowired JsonMapper json;
  @Autowired MeterRegistry meters;

  @Value("${local.server.port}")
  int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String admin = IDP.token("admin-" + UUID.randomUUID(), "admin");
  private ApiClient api;
  private String org;
  private String ids;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    org = "Org" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ids = "T" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void anAlumniFileIsImportedWithProgressProvenanceAndEventsAndTheSameFileAgainChangesNothing()
      throws Exception {
    String file =
        HEADER
            + row(1, "Priya", "Raman", "priya", "(312) 555-0101", "Data Scientist", "2015", "Yes")
            + row(2, "José", "Núñez", "jose", "+44 20 7946 0958", "Nurse", "2018", "No")
            + row(3, "Ada", "Lovelace", "ada", "", "Engineer", "1990", "");

    double createdBefore = rows("created");
    double unchangedBefore = rows("unchanged");
    JsonNode done;
    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      HttpResponse<String> accepted = upload("alumni-db-export", file, "text/csv", false);

      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      String id = json.readTree(accepted.body()).get("id").asString();
      assertThat(accepted.headers().firstValue("Location")).hasValue("/imports/" + id);
      done = awaitEnd(id);
      assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
      assertThat(done.get("created").asLong()).isEqualTo(3);
      assertThat(done.get("progress").get("percent").asInt()).isEqualTo(100);
      assertThat(done.get("progress").get("totalRows").asLong()).isEqualTo(3);
      assertThat(events.pollForKey(id, Duration.ofSeconds(30)))
          .anySatisfy(
              r ->
                  assertThat(r.value())
                      .contains("\"type\":\"AlumniImportCompleted\"")
                      .contains("\"created\":3"));
    }
    Contact priya = byExternalId(ids + "-1");
    assertThat(priya.details().phones()).containsExactly("+13125550101");
    assertThat(priya.consent().optedIn()).isTrue();
    assertThat(priya.details().alumni().graduationYear()).isEqualTo(2015);
    assertThat(byExternalId(ids + "-2").consent().optedIn()).isFalse();

    String again =
        json.readTree(upload("alumni-db-export", file, "text/csv", false).body())
            .get("id")
            .asString();
    JsonNode second = awaitEnd(again);
    assertThat(second.get("unchanged").asLong()).isEqualTo(3);
    assertThat(second.get("created").asLong()).isZero();
    assertThat(second.get("updated").asLong()).isZero();
    assertThat(byExternalId(ids + "-1").currentVersion()).isEqualTo(priya.currentVersion());
    // what operators see: rows per outcome as they are written
    assertThat(rows("created") - createdBefore).isEqualTo(3);
    assertThat(rows("unchanged") - unchangedBefore).isEqualTo(3);
    assertThat(meters.get(ImportMeters.JOBS).tag("state", "running").gauge().value()).isZero();
  }

  private double rows(String outcome) {
    return meters.get(ImportMeters.ROWS).tag("outcome", outcome).counter().count();
  }

  @Test
  void aPersonNamedAgainFurtherDownTheFileIsUpdatedNeverCreatedTwice() throws Exception {
    String zed = "zed-" + ids.toLowerCase() + "@example.org";
    String lee = "lee-" + ids.toLowerCase() + "@example.org";
    String file =
        HEADER
            // batch 1
            + row(1, "Priya", "Raman", "priya", "", "Analyst", "2015", "")
            + row(2, "Ken", "Ito", "ken", "", "Engineer", "2011", "")
            // batch 2: Priya again while batch 1 may still be being written
            + row(1, "Priya", "Raman", "priya", "", "Data Scientist", "2015", "")
            + row(3, "Lee", "Park", "lee", "", "Teacher", "2012", "")
            // batch 3
            + row(4, "Ann", "Moe", "ann", "", "Nurse", "2013", "")
            + row(5, "Bo", "Lund", "bo", "", "Chef", "2014", "")
            // batch 4: Ken, written two batches up; Lee by address only
            + row(2, "Ken", "Ito", "ken", "", "Director", "2011", "")
            + String.join(",", "", "Lee", "Park", lee, "", org, "Principal", "2012", "Physics", "")
            + "\n"
            // batch 5: a person without an alumni id, twice in one batch
            + String.join(",", "", "Zed", "Roe", zed, "", org, "Intern", "2020", "Physics", "")
            + "\n"
            + String.join(",", "", "Zed", "Roe", zed, "", org, "Junior", "2020", "Physics", "")
            + "\n"
            // batch 6: and again by address right after
            + String.join(",", "", "Zed", "Roe", zed, "", org, "Senior", "2020", "Physics", "")
            + "\n";

    JsonNode done = awaitEnd(idOf(upload("alumni-db-export", file, "text/csv", false)));

    assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(done.get("progress").get("rowsRead").asLong()).isEqualTo(11);
    assertThat(done.get("created").asLong()).isEqualTo(6);
    assertThat(done.get("updated").asLong()).isEqualTo(5);
    assertThat(done.get("failed").asLong()).isZero();
    List<Contact> stored =
        mongo.find(Query.query(Criteria.where("details.organizationName").is(org)), Contact.class);
    assertThat(stored)
        .extracting(c -> c.details().givenName() + " " + c.details().jobTitle())
        .containsExactlyInAnyOrder(
            "Priya Data Scientist",
            "Ken Director",
            "Lee Principal",
            "Ann Nurse",
            "Bo Chef",
            "Zed Senior");
  }

  @Test
  void aChangedRowUpdatesItsContactRecordsWhereFromAndAnEmptyCellErasesNothing() throws Exception {
    String first =
        HEADER + row(1, "Priya", "Raman", "priya", "(312) 555-0101", "Analyst", "2015", "");
    awaitEnd(
        json.readTree(upload("alumni-db-export", first, "text/csv", false).body())
            .get("id")
            .asString());

    String changed = HEADER + row(1, "Priya", "Raman", "priya", "", "Data Scientist", "2015", "");
    String id =
        json.readTree(upload("alumni-db-export", changed, "text/csv", false).body())
            .get("id")
            .asString();
    JsonNode done = awaitEnd(id);

    assertThat(done.get("updated").asLong()).isEqualTo(1);
    Contact priya = byExternalId(ids + "-1");
    assertThat(priya.details().jobTitle()).isEqualTo("Data Scientist");
    assertThat(priya.details().phones()).containsExactly("+13125550101");
    assertThat(
            json.readTree(api.get("/contacts/" + priya.id(), admin).body())
                .get("provenance")
                .toString())
        .contains("\"reference\":\"" + id + "\"")
        .contains("\"row\":2")
        .contains("\"fields\":[\"jobTitle\"]");
  }

  @Test
  void aCellWrappedOverLinesImportsOnOneLineWhileOtherControlCharactersAreRefused()
      throws Exception {
    String file =
        HEADER
            + row(1, "Wrapped", "Title", "wrapped", "", "\"Director,\r\n  Strategy\"", "2010", "")
                .replace(",Physics,", ",\"Electrical\nEngineering\",")
            + row(2, "Bell", "Char", "bell", "", "Engi\u0007neer", "2010", "");

    String id = idOf(upload("alumni-db-export", file, "text/csv", false));
    JsonNode done = awaitEnd(id);

    assertThat(done.get("created").asLong()).isEqualTo(1);
    assertThat(done.get("failed").asLong()).isEqualTo(1);
    Contact wrapped = byExternalId(ids + "-1");
    assertThat(wrapped.details().jobTitle()).isEqualTo("Director, Strategy");
    assertThat(wrapped.details().alumni().major()).isEqualTo("Electrical Engineering");
    assertThat(done.get("errorReport").asString())
        .as("the report's address as clients call it, through the gateway")
        .isEqualTo("/api/contacts/imports/" + id + "/errors");
    assertThat(api.get("/imports/" + id + "/errors", admin).body())
        .contains("3,Job Title,")
        .contains("must not contain control characters");
  }

  @Test
  void aNotesColumnBecomesStaffNotesWithItsLinesKept() throws Exception {
    String file =
        "Alumni ID,First Name,Last Name,Employer,Notes\n"
            + ids
            + "-1,Rosa,Park,"
            + org
            + ",\"Spoke at the 2024 panel.\r\nPrefers mornings.\"\n";

    JsonNode done = awaitEnd(idOf(upload("alumni-db-export", file, "text/csv", false)));

    assertThat(done.get("created").asLong()).as(done.toString()).isEqualTo(1);
    assertThat(byExternalId(ids + "-1").details().notes())
        .isEqualTo("Spoke at the 2024 panel.\nPrefers mornings.");
  }

  @Test
  void invalidRowsAreReportedByRowColumnValueAndReasonWhileTheValidOnesImport() throws Exception {
    String file =
        HEADER
            + row(1, "Valid", "Person", "valid", "", "Engineer", "2010", "")
            + row(2, "Bad", "Email", "not an address", "", "Engineer", "2010", "")
                .replace("not an address@example.org", "not an address")
            + row(3, "Bad", "Phone", "phone", "12", "Engineer", "2010", "")
            + row(4, "Bad", "Year", "year", "", "Engineer", "1850", "maybe")
            + row(
                5,
                "=HYPERLINK(\"\"http://evil\"\")",
                "Formula",
                "formula",
                "=1+2",
                "Engineer",
                "20x0",
                "");

    String id =
        json.readTree(upload("alumni-db-export", file, "text/csv", false).body())
            .get("id")
            .asString();
    JsonNode done = awaitEnd(id);

    assertThat(done.get("created").asLong()).isEqualTo(1);
    assertThat(done.get("failed").asLong()).isEqualTo(4);
    HttpResponse<String> report = api.get("/imports/" + id + "/errors", admin);
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(report.body())
        .contains("row,column,value,reason")
        .contains("3,Email,not an address,is not an email address")
        .contains("4,Phone,12,\"is not a phone number")
        .contains("6,Phone,'=1+2,")
        .contains("5,Class Year,1850,must be a year from 1900")
        .contains("5,Mentor Opt-In,maybe,must be yes or no")
        .contains("6,Class Year,20x0");
    assertThat(
            mongo.count(
                Query.query(Criteria.where("organizationKey").is(org.toLowerCase())),
                Contact.class))
        .isEqualTo(1);
  }

  @Test
  void aDryRunShowsTheFirstRowsAndEveryProblemAndStoresNothing() throws Exception {
    StringBuilder file = new StringBuilder(HEADER);
    for (int i = 1; i <= 25; i++) {
      file.append(
          row(
              i,
              "Person",
              "Number" + i,
              "p" + i,
              "",
              "Engineer",
              i == 7 ? "nineteen" : "2001",
              ""));
    }

    HttpResponse<String> response = upload("alumni-db-export", file.toString(), "text/csv", true);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode preview = json.readTree(response.body());
    assertThat(preview.get("rows").asLong()).isEqualTo(25);
    assertThat(preview.get("failedRows").asLong()).isEqualTo(1);
    assertThat(preview.get("sample")).hasSize(20);
    assertThat(preview.get("problems").get(0).get("row").asLong()).isEqualTo(8);
    assertThat(preview.get("problems").get(0).get("column").asString()).isEqualTo("Class Year");
    assertThat(preview.get("encoding").asString()).isEqualTo("UTF-8");
    assertThat(storedFromThisTest()).isZero();
    assertThat(mongo.count(Query.query(Criteria.where("fileName").is(org)), ImportJob.class))
        .isZero();
  }

  @Test
  void windows1252SemicolonFilesAndMultipartUploadsImportToo() throws Exception {
    String file =
        (HEADER + row(1, "Zoë", "Ørsted", "zoe", "", "Physicist", "2001", "")).replace(',', ';');
    HttpResponse<String> accepted =
        send(
            HttpRequest.newBuilder(uri("/imports?profile=alumni-db-export"))
                .header("Content-Type", "text/csv")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        file.getBytes(Charset.forName("windows-1252")))));
    JsonNode done = awaitEnd(json.readTree(accepted.body()).get("id").asString());
    assertThat(done.get("encoding").asString()).isEqualTo("windows-1252");
    assertThat(done.get("delimiter").asString()).isEqualTo(";");
    assertThat(byExternalId(ids + "-1").details().familyName()).isEqualTo("Ørsted");

    String boundary = "b" + UUID.randomUUID();
    String form =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"alumni.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + HEADER
            + row(2, "Form", "Upload", "form", "", "Engineer", "2001", "")
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> multipart =
        send(
            HttpRequest.newBuilder(uri("/imports?profile=alumni-db-export"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(multipart.statusCode()).as(multipart.body()).isEqualTo(202);
    JsonNode formDone = awaitEnd(json.readTree(multipart.body()).get("id").asString());
    assertThat(formDone.get("fileName").asString()).isEqualTo("alumni.csv");
    assertThat(formDone.get("created").asLong()).isEqualTo(1);
  }

  @Test
  void filesThatCannotBeImportedAreRefusedWithAReasonAndLeaveNothing() throws Exception {
    Map<String, Integer> refused =
        Map.of(
            HEADER
                + "\""
                + ids
                + "-1,Unbalanced,Quote,"
                + org
                + "\n"
                + row(2, "A", "B", "c", "", "x", "2001", ""),
            422,
            "Alumni ID,First Name,First Name,Last Name\n1,A,B,C\n",
            422,
            HEADER + ids + "-1,Huge,\"" + "x".repeat(5 * 1024 * 1024) + "\"," + org + "\n",
            422,
            "no header here\njust,text\n",
            422);
    for (Map.Entry<String, Integer> file : refused.entrySet()) {
      HttpResponse<String> response = upload("alumni-db-export", file.getKey(), "text/csv", false);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(file.getValue());
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(json.readTree(response.body()).get("detail").asString()).isNotBlank();
    }
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    HttpResponse<String> binary =
        send(
            HttpRequest.newBuilder(uri("/imports?profile=alumni-db-export"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)));
    assertThat(binary.statusCode()).isEqualTo(415);
    assertThat(upload("alumni-db-export", HEADER, "image/png", false).statusCode()).isEqualTo(415);
    assertThat(
            upload("alumni-db-export", HEADER, "application/x-www-form-urlencoded", false)
                .statusCode())
        .isEqualTo(415);
    HttpResponse<String> unknownProfile = upload("no-such-profile", HEADER, "text/csv", false);
    assertThat(unknownProfile.statusCode()).isEqualTo(400);
    assertThat(json.readTree(unknownProfile.body()).get("errors").get(0).get("field").asString())
        .isEqualTo("profile");
    assertThat(storedFromThisTest()).isZero();
  }

  @Test
  void reportedRowsAreTheRowsASpreadsheetShowsBlankLinesOfAPreambleIncluded() throws Exception {
    String file =
        "Alumni export\r\nGenerated 2026-11-01\r\n\r\n"
            + HEADER
            + row(1, "Plain", "Row", "plain", "", "Engineer", "2010", "")
            + "\r\n"
            + row(2, "Bell", "Char", "bell", "", "Engi\u0007neer", "2010", "");

    String id = idOf(upload("alumni-db-export", file, "text/csv", false));
    JsonNode done = awaitEnd(id);

    assertThat(done.get("created").asLong()).isEqualTo(1);
    assertThat(done.get("failed").asLong()).isEqualTo(1);
    // rows 1-2 the preamble, 3 blank, 4 the header, 5 the first person, 6 blank, 7 the second
    assertThat(api.get("/imports/" + id + "/errors", admin).body())
        .contains("7,Job Title,")
        .contains("must not contain control characters");
  }

  @Test
  void aFileWithoutTheConsentColumnItsProfileMapsIsWarnedOfInTheDryRunAndTheJob() throws Exception {
    String noConsent = "Alumni ID,First Name,Last Name,Happy To Help\n" + ids + "-1,Ada,Park,Yes\n";

    JsonNode preview =
        json.readTree(upload("alumni-db-export", noConsent, "text/csv", true).body());
    assertThat(preview.get("unmappedHeaders").toString()).contains("Happy To Help");
    assertThat(preview.get("warnings")).hasSize(1);
    assertThat(preview.get("warnings").get(0).asString())
        .contains("Mentor Opt-In")
        .contains("imports as not opted in");
    assertThat(preview.get("consent").get("notOptedIn").asLong()).isEqualTo(1);
    assertThat(preview.get("consent").get("optedIn").asLong()).isZero();

    JsonNode job = awaitEnd(idOf(upload("alumni-db-export", noConsent, "text/csv", false)));
    assertThat(job.get("warnings").get(0).asString()).contains("imports as not opted in");
    assertThat(job.get("unmappedHeaders").toString()).contains("Happy To Help");
    assertThat(job.get("consent").get("notOptedIn").asLong()).isEqualTo(1);

    String withConsent = HEADER + row(2, "Bo", "Lee", "bo", "", "Engineer", "2010", "yes");
    JsonNode consented =
        json.readTree(upload("alumni-db-export", withConsent, "text/csv", true).body());
    assertThat(consented.get("warnings")).isEmpty();
    assertThat(consented.get("consent").get("optedIn").asLong()).isEqualTo(1);
  }

  @Test
  void otherNamesOfTheSameColumnsImportThroughTheBuiltInProfile() throws Exception {
    String file =
        "Alumni ID,First Name,Last Name,Willing To Mentor,Class Of,Employer,Company,Position\n"
            + ids
            + "-1,Ada,Park,Yes,2012,,"
            + org
            + ",Data Engineer\n";

    JsonNode done = awaitEnd(idOf(upload("alumni-db-export", file, "text/csv", false)));

    assertThat(done.get("created").asLong()).as(done.toString()).isEqualTo(1);
    assertThat(done.get("warnings")).isEmpty();
    assertThat(done.get("consent").get("optedIn").asLong()).isEqualTo(1);
    Contact ada = byExternalId(ids + "-1");
    assertThat(ada.consent().optedIn()).isTrue();
    assertThat(ada.details().alumni().graduationYear()).isEqualTo(2012);
    assertThat(ada.details().organizationName())
        .as("the first filled of the columns that fill one field")
        .isEqualTo(org);
    assertThat(ada.details().jobTitle()).isEqualTo("Data Engineer");
  }

  @Test
  void builtInProfilesNobodyEditedFollowTheReleaseAndEditedOnesStayTheirs() {
    Query builtIn = Query.query(Criteria.where("_id").is("alumni-db-export"));
    MappingProfile current = mongo.findOne(builtIn, MappingProfile.class);
    List<MappingProfile.ColumnMapping> older = current.columns().subList(0, 5);
    mongo.updateFirst(
        builtIn, new Update().set("columns", older).set("version", 0L), MappingProfile.class);
    profiles.seed();
    assertThat(mongo.findOne(builtIn, MappingProfile.class).columns()).isEqualTo(current.columns());

    mongo.updateFirst(
        builtIn, new Update().set("columns", older).set("version", 3L), MappingProfile.class);
    profiles.seed();
    assertThat(mongo.findOne(builtIn, MappingProfile.class).columns())
        .as("an admin saved it")
        .isEqualTo(older);
    mongo.updateFirst(
        builtIn,
        new Update().set("columns", current.columns()).set("version", current.version()),
        MappingProfile.class);
  }

  @Test
  void aNameWhoseLettersArrivedAsQuestionMarksKeepsTheStoredOneAndSaysSo() throws Exception {
    awaitEnd(
        idOf(
            upload(
                "alumni-db-export",
                HEADER + row(1, "José", "Müller", "jose", "", "Engineer", "2010", "yes"),
                "text/csv",
                false)));

    String lossy = HEADER + row(1, "Jos?", "M\uFFFDller", "jose", "", "Director", "2010", "yes");
    String id = idOf(upload("alumni-db-export", lossy, "text/csv", false));
    JsonNode done = awaitEnd(id);

    Contact jose = byExternalId(ids + "-1");
    assertThat(jose.details().givenName()).isEqualTo("José");
    assertThat(jose.details().familyName()).isEqualTo("Müller");
    assertThat(jose.details().jobTitle()).as("the rest of the row applies").isEqualTo("Director");
    assertThat(done.get("updated").asLong()).isEqualTo(1);
    assertThat(done.get("problems").asLong()).isEqualTo(2);
    assertThat(api.get("/imports/" + id + "/errors", admin).body())
        .contains("2,First Name,Jos?,")
        .contains("letters lost to '?'");

    awaitEnd(
        idOf(
            upload(
                "alumni-db-export",
                HEADER + row(1, "Josephine", "Muller", "jose", "", "Director", "2010", "yes"),
                "text/csv",
                false)));
    assertThat(byExternalId(ids + "-1").details().givenName())
        .as("a real change of name applies")
        .isEqualTo("Josephine");
    assertThat(byExternalId(ids + "-1").details().familyName()).isEqualTo("Muller");
  }

  @Test
  void unbalancedQuotesAreRefusedInPlainWords() throws Exception {
    Map<String, String> files =
        Map.of(
            "First Name,Last Name\nAda,\"Love\nBo,\"Lee\n",
            "text follows a closing quote (unbalanced quotes)",
            "First Name,Last Name\nAda,\"Lovelace\nBo,Lee\n",
            "a quoted field is never closed (unbalanced quotes)");
    for (Map.Entry<String, String> file : files.entrySet()) {
      for (boolean dryRun : List.of(false, true)) {
        HttpResponse<String> response =
            upload("alumni-db-export", file.getKey(), "text/csv", dryRun);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json.readTree(response.body()).get("detail").asString())
            .contains(file.getValue())
            .doesNotContain("encapsulated")
            .doesNotContain("Exception");
      }
    }
  }

  @Test
  void aFileWithItsHeaderAndNoRowsIsRefusedNotAnEmptyImport() throws Exception {
    long jobs = mongo.getCollection("import_jobs").countDocuments();
    for (String file : List.of(HEADER, HEADER + "\r\n,,,,,,,,,\r\n\r\n")) {
      for (boolean dryRun : List.of(false, true)) {
        HttpResponse<String> response = upload("alumni-db-export", file, "text/csv", dryRun);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json.readTree(response.body()).get("detail").asString())
            .contains("no rows below its header");
      }
    }
    assertThat(mongo.getCollection("import_jobs").countDocuments())
        .as("no job for a file with nothing to import")
        .isEqualTo(jobs);
  }

  @Test
  void twoMillionRowsUnderTheByteLimitAreRefusedByTheRowLimit() throws Exception {
    StringBuilder file = new StringBuilder("First Name,Last Name\n");
    for (int i = 0; i < 2_000_000; i++) {
      file.append("a,b\n");
    }
    HttpResponse<String> response = upload("alumni-db-export", file.toString(), "text/csv", false);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json.readTree(response.body()).get("detail").asString())
        .contains("more than 1,000,000 rows");
  }

  @Test
  void anUploadOverTheLimitIsA413EvenWhenChunked() throws Exception {
    byte[] big = new byte[21 * 1024 * 1024];
    Arrays.fill(big, (byte) 'a');
    HttpResponse<String> declared;
    try {
      declared =
          send(
              HttpRequest.newBuilder(uri("/imports?profile=alumni-db-export"))
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
      assertThat(declared.statusCode()).isEqualTo(413);
    } catch (IOException closedEarly) {
      // The server may answer 413 and close before the client has sent everything.
    }
    HttpResponse<String> chunked =
        send(
            HttpRequest.newBuilder(uri("/imports?profile=alumni-db-export"))
                .header("Content-Type", "text/csv")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
    assertThat(chunked.statusCode()).isEqualTo(413);
  }

  @Test
  void aMappingProfileNamingAnUnknownFieldIsRefusedByColumn() {
    HttpResponse<String> response =
        api.put(
            "/imports/profiles/crm-export",
            admin,
            """
            {"source": "ALUMNI_IMPORT", "columns": [
              {"header": "First", "target": "givenName"},
              {"header": "Last", "target": "familyName"},
              {"header": "Salary", "target": "salary"}]}
            """);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString())
        .isEqualTo("columns[2].target");
    assertThat(mongo.findById("crm-export", MappingProfile.class)).isNull();
  }

  @Test
  void aSavedProfileMapsItsOwnHeadersAndCanClearOnEmpty() throws Exception {
    String name = "crm-" + ids.toLowerCase();
    HttpResponse<String> saved =
        api.put(
            "/imports/profiles/" + name,
            admin,
            """
            {"source": "EMPLOYER_DIRECTORY", "columns": [
              {"header": "Vorname", "target": "givenName"},
              {"header": "Nachname", "target": "familyName"},
              {"header": "E-Mail", "target": "email"},
              {"header": "Firma", "target": "organizationName"},
              {"header": "Titel", "target": "jobTitle"}],
             "clearWhenEmpty": ["jobTitle"]}
            """);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    String email = "x-" + ids.toLowerCase() + "@example.org";

    awaitEnd(
        idOf(
            upload(
                name,
                "Vorname;Nachname;E-Mail;Firma;Titel\nLena;Schmidt;" + email + ";" + org + ";CTO\n",
                "text/csv",
                false)));
    awaitEnd(
        idOf(
            upload(
                name,
                "Vorname;Nachname;E-Mail;Firma;Titel\nLena;Schmidt;" + email + ";" + org + ";\n",
                "text/csv",
                false)));

    Contact lena = mongo.findOne(Query.query(Criteria.where("emailKeys").is(email)), Contact.class);
    assertThat(lena.source().name()).isEqualTo("EMPLOYER_DIRECTORY");
    assertThat(lena.details().jobTitle()).isNull();
  }

  @Test
  void undoRemovesWhatTheImportCreatedAndRestoresWhatItChangedButKeepsLaterEdits()
      throws Exception {
    String before = HEADER + row(1, "Priya", "Raman", "priya", "", "Analyst", "2015", "");
    awaitEnd(idOf(upload("alumni-db-export", before, "text/csv", false)));
    String file =
        HEADER
            + row(1, "Priya", "Raman", "priya", "", "Data Scientist", "2015", "")
            + row(2, "New", "Person", "new", "", "Engineer", "2016", "")
            + row(3, "Edited", "Later", "edited", "", "Engineer", "2016", "");
    String id = idOf(upload("alumni-db-export", file, "text/csv", false));
    awaitEnd(id);
    Contact edited = byExternalId(ids + "-3");
    HttpResponse<String> edit =
        api.send(
            "PUT",
            "/contacts/" + edited.id(),
            admin,
            "{\"givenName\": \"Edited\", \"familyName\": \"ByHand\"}",
            Map.of("If-Match", "\"" + edited.currentVersion() + "\""));
    assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);

    try (TopicProbe events = TopicProbe.on(Topics.CONTACTS)) {
      HttpResponse<String> undo = api.post("/imports/" + id + "/undo", admin, "");
      assertThat(undo.statusCode()).as(undo.body()).isEqualTo(202);
      JsonNode undone = awaitStatus(id, "UNDONE");

      assertThat(undone.get("undo").get("removed").asLong()).isEqualTo(1);
      assertThat(undone.get("undo").get("restored").asLong()).isEqualTo(1);
      assertThat(undone.get("undo").get("kept").asLong()).isEqualTo(1);
      assertThat(byExternalId(ids + "-1").details().jobTitle()).isEqualTo("Analyst");
      Contact removed =
          mongo.findOne(Query.query(Criteria.where("_id").is(idOfPerson(file, 2))), Contact.class);
      assertThat(removed == null || removed.details().familyName().isEmpty()).isTrue();
      assertThat(byExternalId(ids + "-3").details().familyName()).isEqualTo("ByHand");
      assertThat(events.pollFor(Duration.ofSeconds(3)))
          .anySatisfy(r -> assertThat(r.value()).contains("\"type\":\"ContactErased\""));
    }
    assertThat(api.post("/imports/" + id + "/undo", admin, "").statusCode()).isEqualTo(400);
  }

  @Test
  void anImportInterruptedByARestartIsCountedAgainFromTheStoreAndItsUndoMatchesTheCount()
      throws Exception {
    awaitEnd(
        idOf(
            upload(
                "alumni-db-export",
                HEADER + row(1, "Priya", "Raman", "priya", "", "Analyst", "2015", ""),
                "text/csv",
                false)));
    String file =
        HEADER
            + row(1, "Priya", "Raman", "priya", "", "Data Scientist", "2015", "")
            + row(2, "New", "Person", "new", "", "Engineer", "2016", "")
            + row(3, "Other", "Person", "other", "", "Engineer", "2016", "")
            + row(4, "Third", "Person", "third", "", "Engineer", "2017", "");
    String id = idOf(upload("alumni-db-export", file, "text/csv", false));
    awaitEnd(id);
    // As a killed instance leaves it: the last batch stored without its counters, no heartbeat.
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id)),
        new Update()
            .set("status", ImportStatus.RUNNING)
            .set("created", 1)
            .set("updated", 0)
            .set("rowsRead", 1)
            .set("heartbeatAt", Instant.now().minus(Duration.ofMinutes(10)))
            .unset("finishedAt"),
        ImportJob.class);

    imports.failAbandonedJobs();

    JsonNode failed = json.readTree(api.get("/imports/" + id, admin).body());
    assertThat(failed.get("status").asString()).isEqualTo("FAILED");
    assertThat(failed.get("created").asLong()).isEqualTo(3);
    assertThat(failed.get("updated").asLong()).isEqualTo(1);
    assertThat(failed.get("failure").asString()).contains("after 4 rows were stored");
    assertThat(api.post("/imports/" + id + "/undo", admin, "").statusCode()).isEqualTo(202);
    JsonNode undone = awaitStatus(id, "UNDONE");
    assertThat(undone.get("undo").get("removed").asLong()).isEqualTo(3);
    assertThat(undone.get("undo").get("restored").asLong()).isEqualTo(1);
    assertThat(undone.get("undo").get("kept").asLong()).isZero();
  }

  @Test
  void anImportNeverOverridesAConsentThePersonSetThemselfButDoNotContactAlwaysApplies()
      throws Exception {
    String address = "self-" + ids.toLowerCase() + "@example.org";
    String optedOut =
        HEADER + ids + "-1,Self,Chooser," + address + ",," + org + ",Engineer,2010,Physics,Yes\n";
    awaitEnd(idOf(upload("alumni-db-export", optedOut, "text/csv", false)));
    String alumnus =
        IDP.token(
            "alum-" + UUID.randomUUID(),
            TestIdentityProvider.AUDIENCE,
            Map.of("roles", List.of("alum"), "email", address, "email_verified", true));
    assertThat(api.put("/me/profile/consent", alumnus, "{\"optedIn\": false}").statusCode())
        .isEqualTo(200);

    awaitEnd(idOf(upload("alumni-db-export", optedOut, "text/csv", false)));
    assertThat(byExternalId(ids + "-1").consent().optedIn()).isFalse();

    String doNotContact =
        "Alumni ID,First Name,Last Name,Do Not Contact\n" + ids + "-1,Self,Chooser,yes\n";
    awaitEnd(idOf(upload("alumni-db-export", doNotContact, "text/csv", false)));
    assertThat(byExternalId(ids + "-1").consent().doNotContact()).isTrue();
  }

  @Test
  void aRunningImportCanBeCancelled() throws Exception {
    StringBuilder file = new StringBuilder(HEADER);
    for (int i = 1; i <= 30_000; i++) {
      file.append(row(i, "Many", "People" + i, "m" + i, "", "Engineer", "2001", ""));
    }
    String id = idOf(upload("alumni-db-export", file.toString(), "text/csv", false));

    HttpResponse<String> cancel = api.post("/imports/" + id + "/cancel", admin, "");

    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
    JsonNode done = awaitEnd(id);
    assertThat(done.get("status").asString()).isEqualTo("CANCELLED");
    assertThat(done.get("progress").get("rowsRead").asLong()).isLessThan(30_000);
    // the batches that were being written when the cancel came are stored and counted
    assertThat(
            mongo.count(
                Query.query(Criteria.where("details.organizationName").is(org)), Contact.class))
        .isEqualTo(done.get("created").asLong());
  }

  private String row(
      int n,
      String given,
      String family,
      String emailUser,
      String phone,
      String title,
      String year,
      String optIn) {
    String email =
        emailUser.contains(" ") ? emailUser : emailUser + "-" + ids.toLowerCase() + "@example.org";
    return String.join(
            ",",
            ids + "-" + n,
            given.contains(",") || given.contains("\"") ? "\"" + given + "\"" : given,
            family,
            email,
            phone,
            org,
            title,
            year,
            "Physics",
            optIn)
        + "\n";
  }

  private String idOfPerson(String file, int n) {
    Contact contact =
        mongo.findOne(
            Query.query(Criteria.where("details.alumni.externalId").is(ids + "-" + n)),
            Contact.class);
    return contact == null ? "none" : contact.id();
  }

  private Contact byExternalId(String externalId) {
    return mongo.findOne(
        Query.query(
            Criteria.where("externalAlumniId")
                .is(externalId)
                .and("status")
                .is(ContactStatus.ACTIVE)),
        Contact.class);
  }

  private long storedFromThisTest() {
    return mongo.count(
        Query.query(Criteria.where("organizationKey").is(org.toLowerCase())), Contact.class);
  }

  private HttpResponse<String> upload(
      String profile, String body, String contentType, boolean dryRun) throws Exception {
    return send(
        HttpRequest.newBuilder(
                uri("/imports?profile=" + profile + "&dryRun=" + dryRun + "&fileName=" + org))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.header("Authorization", "Bearer " + admin).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private String idOf(HttpResponse<String> accepted) {
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    return json.readTree(accepted.body()).get("id").asString();
  }

  private JsonNode awaitEnd(String id) {
    return awaitStatus(id, "COMPLETED", "CANCELLED", "FAILED");
  }

  private JsonNode awaitStatus(String id, String... statuses) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              last[0] = json.readTree(api.get("/imports/" + id, admin).body());
              return List.of(statuses).contains(last[0].get("status").asString());
            });
    return last[0];
  }
}
