package org.infointerview.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIT
@ExtendWith(OutputCaptureExtension.class)
class ContactsApiIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final String PRIYA =
      """
      {"givenName": "Priyanka", "familyName": "Raman", "preferredName": "Priya",
       "emails": ["priya@example.org"], "organizationName": "Northwind Health",
       "jobTitle": "Data Scientist", "careerFields": ["HEALTH_SCIENCE"],
       "timeZone": "America/Chicago"}
      """;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper jsonMapper;

  @LocalManagementPort int managementPort;

  ApiClient api;
  private int port;

  @BeforeEach
  void client(@Value("${local.server.port}") int port) {
    this.port = port;
  }

  @Test
  void aStudentAddsAContactItIsStoredAndContactCreatedIsPublishedInTheContractsShape()
      throws Exception {
    String student = "student-" + UUID.randomUUID();
    try (TopicProbe probe = TopicProbe.on(Topics.CONTACTS)) {
      HttpResponse<String> created = post("/contacts", IDP.token(student, "student"), PRIYA);

      assertThat(created.statusCode()).isEqualTo(201);
      JsonNode body = jsonMapper.readTree(created.body());
      String id = body.get("id").asString();
      assertThat(created.headers().firstValue("Location")).hasValue("/contacts/" + id);
      assertThat(body.get("displayName").asString()).isEqualTo("Priya Raman");
      assertThat(body.get("source").asString()).isEqualTo("PERSONAL");
      assertThat(mongo.findById(id, Contact.class).ownerId()).isEqualTo(IDP.userId(student));

      List<ConsumerRecord<String, String>> records = probe.pollForKey(id, Duration.ofSeconds(30));
      JsonNode event =
          jsonMapper.readTree(
              records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow().value());
      JsonNode golden = golden(EventType.CONTACT_CREATED);
      assertThat(event.propertyNames()).containsExactlyInAnyOrderElementsOf(golden.propertyNames());
      assertThat(event.get("data").propertyNames())
          .containsExactlyInAnyOrderElementsOf(golden.get("data").propertyNames());
      assertThat(event.get("type").asString()).isEqualTo("ContactCreated");
      assertThat(event.get("source").asString()).isEqualTo("/contacts-service");
      assertThat(event.get("subject").asString()).isEqualTo(id);
      assertThat(event.get("data").get("ownerId").asString()).isEqualTo(IDP.userId(student));
      assertThat(event.toString()).doesNotContain("priya@example.org");
    }
  }

  @Test
  void theOwnerReadsTheirContactAndAnotherStudentGetsA404() throws Exception {
    String owner = "student-" + UUID.randomUUID();
    String id =
        jsonMapper
            .readTree(post("/contacts", IDP.token(owner, "student"), PRIYA).body())
            .get("id")
            .asString();

    HttpResponse<String> own = get("/contacts/" + id, IDP.token(owner, "student"));
    HttpResponse<String> someoneElses = get("/contacts/" + id, IDP.token("intruder", "student"));
    String missingId = UUID.randomUUID().toString();
    HttpResponse<String> missing = get("/contacts/" + missingId, IDP.token(owner, "student"));

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.headers().firstValue("ETag")).hasValue("\"0\"");
    assertThat(someoneElses.statusCode()).isEqualTo(404);
    assertThat(someoneElses.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    assertThat(someoneElses.body().replace(id, "ID"))
        .as("someone else's contact answers exactly as one that does not exist")
        .isEqualTo(missing.body().replace(missingId, "ID"));
    assertThat(jsonMapper.readTree(someoneElses.body()).get("status").asInt()).isEqualTo(404);
    assertThat(get("/contacts?scope=own", IDP.token(owner, "student")).body()).contains(id);
    assertThat(get("/contacts?scope=own", IDP.token("intruder", "student")).body())
        .doesNotContain(id);
  }

  @Test
  void anAddressNoEndpointAnswersIsA404ProblemThatSaysSo() throws Exception {
    HttpResponse<String> response = get("/no-such-thing", IDP.token("student-1", "student"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = jsonMapper.readTree(response.body());
    assertThat(problem.get("detail").asString())
        .isEqualTo("No endpoint answers GET at this address.");
    assertThat(problem.get("instance").asString()).isEqualTo("/no-such-thing");
  }

  @Test
  void invalidFieldsAreNamedWithTheirReasonAndNothingIsStored() throws Exception {
    String student = "student-" + UUID.randomUUID();
    HttpResponse<String> response =
        post(
            "/contacts",
            IDP.token(student, "student"),
            """
            {"givenName": " ", "familyName": "Raman", "emails": ["not-an-email"],
             "careerFields": ["underwater basketry"], "timeZone": "America/Chicago"}
            """);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = jsonMapper.readTree(response.body());
    assertThat(problem.get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("careerFields[0]", "emails[0]", "givenName");
    assertThat(problem.get("errors").findValuesAsString("reason"))
        .allSatisfy(r -> assertThat(r).isNotBlank());
    assertThat(ownedBy(student)).isZero();
  }

  @Test
  void anUnknownTimeZoneIsRejectedByField() throws Exception {
    String student = "student-" + UUID.randomUUID();
    HttpResponse<String> response =
        post(
            "/contacts",
            IDP.token(student, "student"),
            PRIYA.replace("America/Chicago", "Mars/Olympus_Mons"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(jsonMapper.readTree(response.body()).get("errors").get(0).get("field").asString())
        .isEqualTo("timeZone");
    assertThat(ownedBy(student)).isZero();
  }

  @Test
  void aStudentCannotSetOwnerSourceOrConsent() throws Exception {
    String student = "student-" + UUID.randomUUID();
    for (String field :
        List.of(
            "\"ownerId\": \"someone-else\"",
            "\"source\": \"ALUMNI_IMPORT\"",
            "\"optedIn\": true")) {
      HttpResponse<String> response =
          post(
              "/contacts",
              IDP.token(student, "student"),
              PRIYA.replaceFirst("\\{", "{" + field + ", "));

      assertThat(response.statusCode()).as(field).isEqualTo(400);
    }
    assertThat(ownedBy(student)).isZero();
  }

  @Test
  void aBodyOverTheServicesOwnLimitIsA413AndNothingIsStored() throws Exception {
    String student = "student-" + UUID.randomUUID();
    String huge = PRIYA.replace("\"Data Scientist\"", "\"" + "x".repeat(2 * 1024 * 1024) + "\"");

    HttpResponse<String> response = post("/contacts", IDP.token(student, "student"), huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(ownedBy(student)).isZero();
  }

  @Test
  void malformedJsonIsA400Problem() throws Exception {
    HttpResponse<String> response =
        post("/contacts", IDP.token("s", "student"), "{\"givenName\": ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(jsonMapper.readTree(response.body()).get("title").asString())
        .isEqualTo("Malformed request body");
  }

  @Test
  void anUnknownFieldOrAValueOfTheWrongKindIsNamedAndNothingIsStored() throws Exception {
    String student = "student-" + UUID.randomUUID();
    String token = IDP.token(student, "student");

    HttpResponse<String> unknown =
        post("/contacts", token, "{\"fullName\":\"Ada Lovelace\",\"givenName\":\"Ada\"}");
    HttpResponse<String> wrongKind =
        post("/contacts", token, "{\"givenName\":\"Ada\",\"emails\":\"ada@example.org\"}");

    assertThat(unknown.statusCode()).isEqualTo(400);
    JsonNode unknownError = jsonMapper.readTree(unknown.body()).get("errors").get(0);
    assertThat(unknownError.get("field").asString()).isEqualTo("fullName");
    assertThat(unknownError.get("reason").asString())
        .startsWith("is not a field of this request")
        .contains("givenName", "familyName", "emails");
    assertThat(wrongKind.statusCode()).isEqualTo(400);
    assertThat(jsonMapper.readTree(wrongKind.body()).get("errors"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("field").asString()).isEqualTo("emails");
              assertThat(e.get("reason").asString()).isEqualTo("must be a list");
            });
    assertThat(ownedBy(student)).isZero();
  }

  @Test
  void anAlumnusCannotAddPersonalContacts() throws Exception {
    String alumnus = "alumnus-" + UUID.randomUUID();
    HttpResponse<String> response = post("/contacts", IDP.token(alumnus, "alum"), PRIYA);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(ownedBy(alumnus)).isZero();
  }

  @Test
  void withoutAValidTokenTheAnswerIs401() throws Exception {
    HttpResponse<String> none = api.get("/contacts", null);
    HttpResponse<String> wrongAudience =
        get("/contacts", IDP.token("s", "someone-else", Map.of("roles", List.of("student"))));

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(wrongAudience.statusCode()).isEqualTo(401);
  }

  @Test
  void pageSizesOutsideTheLimitsAre400NotA500() throws Exception {
    String token = IDP.token("s", "student");

    assertThat(get("/contacts?size=100000", token).statusCode()).isEqualTo(400);
    assertThat(get("/contacts?page=-1", token).statusCode()).isEqualTo(400);
    assertThat(get("/contacts?size=abc", token).statusCode()).isEqualTo(400);
    HttpResponse<String> huge = get("/contacts?page=99999999999", token);
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(huge.body())
        .contains("\"field\":\"page\"")
        .contains("must be a whole number")
        .doesNotContain("java.", "Integer", "String", "convert");
  }

  @Test
  void aRequestTheContainerRefusesItselfIsAProblemWithTheSecurityHeadersNotAnHtmlPage()
      throws Exception {
    String answer;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET /contacts HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                      + "a".repeat(20_000)
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer.toLowerCase(Locale.ROOT))
        .contains("content-type: application/problem+json")
        .contains("x-content-type-options: nosniff");
    assertThat(answer).contains("\"status\":400").doesNotContain("<html", "Tomcat");
  }

  @Test
  void errorsAClientCausesAreLoggedBelowErrorAndCountedAsTheirOwnStatus(CapturedOutput log)
      throws Exception {
    String student = IDP.token("careless-" + UUID.randomUUID(), "student");
    String marker = "careless-" + UUID.randomUUID();
    double serverErrorsBefore = serverErrors();

    List<HttpResponse<String>> refused =
        List.of(
            get("/contacts?page=" + marker, student),
            api.send("POST", "/contacts?x=" + marker, student, "{\"givenName\": ", Map.of()),
            api.send(
                "POST",
                "/contacts?y=" + marker,
                student,
                "{\"givenName\": \"A\", \"ownerId\": \"x\"}",
                Map.of()),
            get("/contacts/%FF" + marker, student));

    assertThat(refused).allSatisfy(r -> assertThat(r.statusCode()).isBetween(400, 499));
    // The web layer's and our own loggers (a broker that other test contexts stop logs its own).
    assertThat((log.getOut() + log.getErr()).lines())
        .as("nothing a client sends is logged as our error")
        .noneMatch(
            line ->
                line.contains(" ERROR ")
                    && (line.contains(" o.i.")
                        || line.contains(" o.s.w")
                        || line.contains(" o.a.c")));
    assertThat(serverErrors()).as("requests counted as a 500").isEqualTo(serverErrorsBefore);
  }

  /** How many requests this service has counted as a 500 so far. */
  private double serverErrors() {
    HttpResponse<String> count =
        new ApiClient(managementPort)
            .get("/actuator/metrics/http.server.requests?tag=status:500", null);
    if (count.statusCode() == 404) {
      return 0;
    }
    Matcher value =
        Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.E]+)").matcher(count.body());
    assertThat(value.find()).as(count.body()).isTrue();
    return Double.parseDouble(value.group(1));
  }

  @Test
  void aBodyInAnyFormatButJsonIsA415AndStoresNothing() throws Exception {
    String subject = "yaml-" + UUID.randomUUID();
    String token = IDP.token(subject, "student");
    Map<String, String> bodies =
        Map.of(
            "application/yaml",
            "givenName: Priya\nfamilyName: Raman\nownerId: someone-else\nsource: ALUMNI_IMPORT\n",
            "application/x-yaml",
            "givenName: Priya\nfamilyName: Raman\n",
            "application/xml",
            "<contact><givenName>Priya</givenName><familyName>Raman</familyName></contact>",
            "text/plain",
            "{\"givenName\": \"Priya\", \"familyName\": \"Raman\"}");

    bodies.forEach(
        (type, body) -> {
          HttpResponse<String> refused =
              api.send("POST", "/contacts", token, body, Map.of("Content-Type", type));
          assertThat(refused.statusCode()).as(type).isEqualTo(415);
          assertThat(refused.headers().firstValue("Content-Type"))
              .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
          assertThat(refused.body()).as(type).doesNotContain("org.springframework", "Exception");
        });
    assertThat(ownedBy(subject)).isZero();
  }

  @Test
  void probesAnswerOnTheApiPortAndTheRestOfTheActuatorOnlyOnTheManagementPort() throws Exception {
    for (String probe : List.of("/readyz", "/livez")) {
      HttpResponse<String> health = api.get(probe, null);
      assertThat(health.statusCode()).as(probe).isEqualTo(200);
      assertThat(health.body()).contains("\"UP\"");
    }
    String student = IDP.token("curious-" + UUID.randomUUID(), "student");
    for (String internal :
        List.of(
            "/actuator",
            "/actuator/metrics",
            "/actuator/prometheus",
            "/actuator/metrics/mongodb.driver.pool.size",
            "/actuator/health",
            "/actuator/info",
            "/actuator/env")) {
      assertThat(api.get(internal, student).statusCode()).as(internal).isEqualTo(404);
    }

    ApiClient management = new ApiClient(managementPort);
    assertThat(management.get("/actuator/metrics", null).statusCode()).isEqualTo(200);
    assertThat(management.get("/actuator/health", null).body()).contains("\"UP\"");
    assertThat(management.get("/actuator/prometheus", null).body())
        .contains(
            "infointerview_outbox_pending ",
            "jvm_memory_used_bytes",
            // what the dashboard and the alert rules in deploy/ read
            "infointerview_imports_jobs{",
            "kafka_consumer_fetch_manager_records_lag_max");
    String health = management.get("/actuator/health/readiness", null).body();
    assertThat(health).contains("\"mongo\"", "\"kafka\"");
  }

  private long ownedBy(String subject) {
    return mongo.count(new Query(Criteria.where("ownerId").is(IDP.userId(subject))), Contact.class);
  }

  private static JsonNode golden(EventType type) {
    return GoldenEvent.of(type).envelope();
  }

  private HttpResponse<String> post(String path, String token, String json) {
    return api.post(path, token, json);
  }

  private HttpResponse<String> get(String path, String token) {
    return api.get(path, token);
  }
}
