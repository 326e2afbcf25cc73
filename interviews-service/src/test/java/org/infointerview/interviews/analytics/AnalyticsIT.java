package org.infointerview.interviews.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.interviews.ContactSnapshotFixtures;
import org.infointerview.interviews.interview.Interview;
import org.infointerview.interviews.student.StudentRecords;
import org.infointerview.messaging.outbox.AggregatesWritten;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cohort analytics over HTTP: five students' interviews about one career field counted (by state,
 * requests, answers, thank-yous on time, referrals, the alumni asked and how often); the same as
 * CSV; four students are "fewer than 5" and no figure; never a note; students are refused, and a
 * range that ends before it starts.
 */
@ServiceIT
class AnalyticsIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  ApiClient api;

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;
  @Autowired ApplicationEventPublisher events;
  @Autowired CohortDays days;
  @Autowired List<StudentRecords> studentRecords;

  private final String advisor = IDP.token("advisor-" + UUID.randomUUID(), "advisor");
  private final String field =
      "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
  private final String today = LocalDate.now(ZoneOffset.UTC).toString();

  @Test
  void fiveStudentsAreCountedWithoutTheirNotesAndFourAreFewerThanFive() {
    String alumnus = "c-" + UUID.randomUUID();
    ContactSnapshotFixtures.store(
        mongo, ContactSnapshotFixtures.volunteer(alumnus, "Ada Park", 10));
    List<String> students = List.of(student(), student(), student(), student(), student());
    String thanked = plan(students.get(0), alumnus);
    String scheduled = plan(students.get(1), alumnus);
    String requested = plan(students.get(2), alumnus);
    plan(students.get(3), null);
    plan(students.get(4), null);
    for (int i = 0; i < 3; i++) {
      String id = List.of(thanked, scheduled, requested).get(i);
      HttpResponse<String> asked =
          api.post(
              "/interviews/" + id + "/outreach",
              students.get(i),
              "{\"channel\": \"PHONE\", \"message\": \"Left a message.\"}");
      assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
    }
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> agreed =
          api.post(
              "/interviews/" + List.of(thanked, scheduled).get(i) + "/schedule",
              students.get(i),
              "{\"start\": \"%s\", \"mode\": \"VIDEO\"}"
                  .formatted(
                      Instant.now().plus(Duration.ofDays(2 + i)).truncatedTo(ChronoUnit.SECONDS)));
      assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(200);
    }
    api.put(
        "/interviews/" + scheduled + "/notes",
        students.get(1),
        "{\"learned\": \"PRIVATE-NOTE-" + field + "\"}");
    // the first conversation held, thanked on time, with a referral (as the store holds it then)
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(thanked)),
        new Update()
            .set("status", "THANKED")
            .set("completedAt", new Date())
            .set(
                "thankYou",
                new Document("channel", "EMAIL")
                    .append("sentAt", new Date())
                    .append("onTime", true))
            .push(
                "referrals",
                new Document("referralId", "r-1")
                    .append("name", "Ben Okafor")
                    .append("mayUseName", true)
                    .append("at", new Date())),
        "interviews");
    // a write beside the aggregate store says which interviews it changed, as the store does
    events.publishEvent(new AggregatesWritten(Interview.class, List.of(), List.of(thanked)));

    JsonNode report =
        counted("/analytics/cohort?from=%s&to=%s&careerField=%s".formatted(today, today, field));
    assertThat(report.get("suppressed").asBoolean()).isFalse();
    assertThat(report.get("students").asLong()).isEqualTo(5);
    assertThat(report.get("interviews").asLong()).isEqualTo(5);
    assertThat(report.get("byState").toString())
        .contains("\"PLANNED\":2", "\"REQUESTED\":1", "\"SCHEDULED\":1", "\"THANKED\":1");
    assertThat(report.get("requestsSent").asLong()).isEqualTo(3);
    assertThat(report.get("answerRate").asDouble()).isEqualTo(0.667);
    assertThat(report.get("thankYouOnTimeRate").asDouble()).isEqualTo(1.0);
    assertThat(report.get("referralsPerConversation").asDouble()).isEqualTo(1.0);
    assertThat(report.get("medianDaysToMeeting").asDouble()).isBetween(1.9, 3.1);
    assertThat(report.get("alumniAsked").asLong()).isEqualTo(1);
    assertThat(report.get("alumniLoad").get("twoOrThree").asLong()).isEqualTo(1);
    assertThat(report.get("topCareerFields").get(0).get("name").asString()).isEqualTo(field);
    assertThat(report.toString()).doesNotContain("PRIVATE-NOTE");

    HttpResponse<String> csv =
        api.get(
            "/analytics/cohort.csv?from=%s&to=%s&careerField=%s".formatted(today, today, field),
            advisor);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body())
        .startsWith("\uFEFFfigure,value\r\n")
        .contains("students,5\r\n", "answer rate,0.667\r\n", "interviews THANKED,1\r\n")
        .doesNotContain("PRIVATE-NOTE");

    // four students of another field: fewer than five, no figure at all
    String few = field + "_FEW";
    for (int i = 0; i < 4; i++) {
      plan(student(), null, few);
    }
    JsonNode suppressed =
        counted("/analytics/cohort?from=%s&to=%s&careerField=%s".formatted(today, today, few));
    assertThat(suppressed.get("suppressed").asBoolean()).isTrue();
    assertThat(suppressed.get("suppressedBecause").asString()).isEqualTo("fewer than 5 students");
    assertThat(suppressed.get("students").isNull()).isTrue();
    assertThat(suppressed.get("byState").isNull()).isTrue();
    assertThat(
            api.get(
                    "/analytics/cohort.csv?from=%s&to=%s&careerField=%s"
                        .formatted(today, today, few),
                    advisor)
                .body())
        .contains("students,fewer than 5")
        .doesNotContain("interviews");
  }

  @Test
  void aCohortByStudiesCountsTheStudentsTheProviderPutsInItAndOneAloneIsNotShown()
      throws Exception {
    String program = "Program " + UUID.randomUUID();
    List<String> subjects = new ArrayList<>();
    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      for (int i = 0; i < 5; i++) {
        String subject = "student-" + UUID.randomUUID();
        subjects.add(subject);
        GoldenEvent profile =
            GoldenEvent.of(EventType.USER_PROFILE_PROVISIONED)
                .about(IDP.userId(subject))
                .with("classYear", i == 0 ? 2028 : 2027)
                .with("program", program);
        producer
            .send(new ProducerRecord<>(Topics.CONTACTS, IDP.userId(subject), profile.json()))
            .get();
      }
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> mongo.count(Query.query(Criteria.where("program").is(program)), "students") == 5);
    for (String subject : subjects) {
      plan(IDP.token(subject, "student"), null);
    }
    String range = "from=%s&to=%s&program=%s".formatted(today, today, program.replace(" ", "%20"));

    JsonNode all = counted("/analytics/cohort?" + range);
    JsonNode ofMajor = counted("/analytics/cohort?" + range + "&major=biology");
    JsonNode alone = counted("/analytics/cohort?" + range + "&classYear=2028");
    HttpResponse<String> hostile =
        api.get("/analytics/cohort?" + range + "&major=Bio%07logy", advisor);
    HttpResponse<String> notAYear =
        api.get("/analytics/cohort?" + range + "&classYear=20", advisor);

    assertThat(all.get("students").asLong()).isEqualTo(5);
    assertThat(all.get("program").asString()).isEqualTo(program);
    assertThat(ofMajor.get("students").asLong()).as("the golden profile's major").isEqualTo(5);
    assertThat(alone.get("suppressed").asBoolean()).isTrue();
    assertThat(alone.get("students").isNull()).isTrue();
    assertThat(hostile.statusCode()).isEqualTo(400);
    assertThat(notAYear.statusCode()).isEqualTo(400);
    assertThat(notAYear.body()).contains("classYear");

    // the first student's provider now says 2027: their interview moves to that class year
    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      GoldenEvent moved =
          GoldenEvent.of(EventType.USER_PROFILE_PROVISIONED)
              .about(IDP.userId(subjects.get(0)))
              .with("version", 99)
              .with("classYear", 2027)
              .with("program", program);
      producer
          .send(new ProducerRecord<>(Topics.CONTACTS, IDP.userId(subjects.get(0)), moved.json()))
          .get();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                mongo.count(
                        Query.query(
                            Criteria.where("program").is(program).and("classYear").is(2027)),
                        "students")
                    == 5);
    JsonNode ofYear = counted("/analytics/cohort?" + range + "&classYear=2027");
    assertThat(ofYear.get("students").asLong()).isEqualTo(5);
  }

  @Test
  void everyChangeCountsInTheNextReportAndAMarkLostIsFoundByTheReconcilePass() {
    List<String> students = List.of(student(), student(), student(), student());
    for (String student : students) {
      plan(student, null);
    }
    String query = "/analytics/cohort?from=%s&to=%s&careerField=%s".formatted(today, today, field);
    assertThat(counted(query).get("suppressed").asBoolean()).isTrue();

    // a fifth student plans one: a report counts it a moment later
    String fifthSubject = "student-" + UUID.randomUUID();
    String fifth = IDP.token(fifthSubject, "student");
    plan(fifth, null);
    JsonNode five = counted(query);
    assertThat(five.get("students").asLong()).isEqualTo(5);
    assertThat(five.get("byState").get("PLANNED").asLong()).isEqualTo(5);

    // the fifth student's interviews removed (retention, erasure): four again, fewer than five
    StudentRecords interviews =
        studentRecords.stream()
            .filter(r -> r.kind().equals("interviews"))
            .findFirst()
            .orElseThrow();
    interviews.removeOf(IDP.userId(fifthSubject));
    assertThat(
            mongo.count(
                Query.query(Criteria.where("slices.students").is(IDP.userId(fifthSubject))),
                CohortDays.COLLECTION))
        .as("their id leaves the days with their interviews")
        .isZero();
    assertThat(counted(query).get("suppressed").asBoolean()).isTrue();

    // a process stopped between an interview's write and its day's mark: the reconcile pass finds
    // it
    Document lost =
        new Document("_id", new ObjectId())
            .append("studentId", "student-lost-" + UUID.randomUUID())
            .append("status", "PLANNED")
            .append("careerField", field)
            .append("createdAt", new Date())
            .append("updatedAt", new Date());
    mongo.getCollection("interviews").insertOne(lost);
    assertThat(counted(query).get("suppressed").asBoolean())
        .as("not marked, not counted yet")
        .isTrue();
    days.reconcile();
    JsonNode found = counted(query);
    assertThat(found.get("students").asLong()).isEqualTo(5);
    assertThat(found.get("interviews").asLong()).isEqualTo(5);
  }

  @Test
  void studentsAreRefusedAndARangeMustMakeSense() {
    assertThat(
            api.get("/analytics/cohort?from=%s&to=%s".formatted(today, today), student())
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> backwards =
        api.get("/analytics/cohort?from=2026-12-05&to=2026-12-01", advisor);
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("to").contains("must be the same day as from or later");
    HttpResponse<String> notADate =
        api.get("/analytics/cohort?from=yesterday&to=2026-12-01", advisor);
    assertThat(notADate.statusCode()).isEqualTo(400);
    assertThat(notADate.body()).contains("from").doesNotContain("Exception");
  }

  /**
   * The report as soon as its figures include every change made before it was asked: the days are
   * counted again a moment after each change.
   */
  private JsonNode counted(String query) {
    Instant asked = Instant.now();
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              HttpResponse<String> answer = api.get(query, advisor);
              assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
              return json.readTree(answer.body());
            },
            report -> !Instant.parse(report.get("countedAt").asString()).isBefore(asked));
  }

  private String student() {
    return IDP.token("student-" + UUID.randomUUID(), "student");
  }

  private String plan(String student, String contactId) {
    return plan(student, contactId, field);
  }

  private String plan(String student, String contactId, String careerField) {
    String contact = contactId;
    if (contact == null) {
      contact = "c-" + UUID.randomUUID();
      ContactSnapshotFixtures.store(
          mongo, ContactSnapshotFixtures.optedInAlumnus(contact, "Someone"));
    }
    HttpResponse<String> planned =
        api.post(
            "/interviews",
            student,
            "{\"contactId\": \"%s\", \"careerField\": \"%s\", \"purpose\": \"Learn the work.\"}"
                .formatted(contact, careerField));
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    return json.readTree(planned.body()).get("id").asString();
  }
}
