package org.infointerview.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.infointerview.localrun.LocalPorts;

/**
 * What a student's dashboard costs: {@code GET /api/interviews/me/dashboard} through the gateway,
 * with {@code students} × {@code per-student} interviews in the store (the demo student's among
 * them), beside the same read straight on the store with the driver, in the same run.
 *
 * <p>Run from the repository root after {@code ./mvnw -B -q package -DskipTests}: {@code java -jar
 * benchmarks/target/benchmarks.jar dashboard [students] [per-student] [requests]} (defaults 1,000,
 * 50, 300). Goal: p95 at most 100 ms and at most 3 times the store's read. The interviews are
 * written straight into the store, shaped as interviews-service stores them, in every state.
 */
final class DashboardBenchmark {

  private static final int OFFSET = 4_000;
  private static final List<String> STATES =
      List.of(
          "PLANNED",
          "REQUESTED",
          "SCHEDULED",
          "COMPLETED",
          "THANKED",
          "CLOSED",
          "DECLINED",
          "NO_RESPONSE",
          "CANCELLED",
          "NO_SHOW");

  /** The fields interviews-service's dashboard reads of each interview (its Dashboard.FIELDS). */
  private static final List<String> DASHBOARD_FIELDS =
      List.of(
          "studentId",
          "createdAt",
          "contact.contactId",
          "contact.institutional",
          "contact.displayName",
          "status",
          "appointment",
          "thankYouDueAt",
          "followUpDueAt",
          "keepInTouchDueAt",
          "attempts.at",
          "attempts.followUp",
          "answers",
          "notes.actionItems");

  private final HttpClient http = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    int students = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int perStudent = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    new DashboardBenchmark().run(students, perStudent, requests);
  }

  private void run(int students, int perStudent, int requests) throws Exception {
    try (LocalStack stack =
            LocalStack.start(OFFSET, Map.of(), List.of("--without=notifications-service"));
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + stack.ports().mongo())) {
      LocalPorts ports = stack.ports();
      DevTokens token = new DevTokens(ports, "student", "student");
      String me = userId(ports, token.get());
      MongoDatabase store = client.getDatabase("interviews");
      long seeding = System.nanoTime();
      seed(store, me, students, perStudent);
      System.out.printf(
          "seeded %,d interviews (%,d students x %d) in %.1f s%n",
          (long) students * perStudent, students, perStudent, (System.nanoTime() - seeding) / 1e9);

      System.out.println("warming up...");
      for (int i = 0; i < 30; i++) {
        dashboard(ports, token.get());
        direct(ports, token.get());
        store(store, me);
      }
      Histogram api = new Histogram(3);
      Histogram raw = new Histogram(3);
      Histogram service = new Histogram(3);
      int shown = 0;
      // Interleaved, so each way meets the same warmth and the same neighbours.
      for (int i = 0; i < requests; i++) {
        long[] measured = dashboard(ports, token.get());
        api.recordValue(measured[0]);
        shown = (int) measured[1];
        service.recordValue(direct(ports, token.get())[0]);
        raw.recordValue(store(store, me));
      }
      double apiP95 = api.getValueAtPercentile(95) / 1e6;
      double rawP95 = raw.getValueAtPercentile(95) / 1e6;
      System.out.printf(
          "%ndashboard of one student (%d interviews of theirs, %d upcoming shown) among %,d"
              + " interviews, %d requests each%n",
          perStudent, shown, (long) students * perStudent, requests);
      System.out.printf(
          "  through the gateway  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n",
          api.getValueAtPercentile(50) / 1e6, apiP95, api.getMaxValue() / 1e6);
      System.out.printf(
          "  the service itself   p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n",
          service.getValueAtPercentile(50) / 1e6,
          service.getValueAtPercentile(95) / 1e6,
          service.getMaxValue() / 1e6);
      System.out.printf(
          "  store read           p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n",
          raw.getValueAtPercentile(50) / 1e6, rawP95, raw.getMaxValue() / 1e6);
      System.out.printf(
          "  ratio p95 %.2fx (goal <= 3x); p95 %.1f ms (goal <= 100 ms)%n",
          apiP95 / rawP95, apiP95);
    }
  }

  /** The signed-in student's id, as the services know it. */
  private String userId(LocalPorts ports, String token) throws Exception {
    HttpResponse<String> me =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports.gateway() + "/api/contacts/me"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher id = Pattern.compile("\"userId\":\"([^\"]+)\"").matcher(me.body());
    if (me.statusCode() != 200 || !id.find()) {
      throw new IllegalStateException("No profile: " + me.statusCode() + " " + me.body());
    }
    return id.group(1);
  }

  /** The interviews, and each student's list of them (as interviews-service keeps it). */
  static void seed(MongoDatabase store, String me, int students, int perStudent) {
    MongoCollection<Document> interviews = store.getCollection("interviews");
    Instant now = Instant.now();
    List<Document> batch = new ArrayList<>();
    List<Document> studentLists = new ArrayList<>();
    for (int s = 0; s < students; s++) {
      String studentId = s == 0 ? me : "bench|student-" + s;
      List<String> ids = new ArrayList<>();
      for (int k = 0; k < perStudent; k++) {
        Document interview = interview(studentId, k, now);
        ids.add(interview.getObjectId("_id").toHexString());
        batch.add(interview);
        if (batch.size() == 1_000) {
          interviews.insertMany(batch);
          batch.clear();
        }
      }
      studentLists.add(new Document("_id", studentId).append("ids", ids));
    }
    if (!batch.isEmpty()) {
      interviews.insertMany(batch);
    }
    MongoCollection<Document> lists = store.getCollection("student_interviews");
    lists.deleteMany(new Document());
    lists.insertMany(studentLists);
  }

  /** An interview as interviews-service stores it, in the k-th state of the cycle. */
  private static Document interview(String studentId, int k, Instant now) {
    String status = STATES.get(k % STATES.size());
    Instant created = now.minus(Duration.ofDays(60 - k));
    Document doc =
        new Document("_id", new ObjectId())
            .append("studentId", studentId)
            .append(
                "contact",
                new Document("contactId", "c-" + k)
                    .append("institutional", true)
                    .append("displayName", "Person " + k)
                    .append("organizationName", "Organization " + (k % 7))
                    .append("jobTitle", "Engineer")
                    .append("timeZone", "America/New_York"))
            .append("careerField", "STEM")
            .append("purpose", "Learn how the work is done.")
            .append("status", status)
            .append("attempts", List.of())
            .append("referrals", List.of())
            .append("interactions", List.of())
            .append("keepInTouchEveryDays", 90)
            .append(
                "history",
                List.of(
                    new Document("status", "PLANNED").append("at", Date.from(created)),
                    new Document("status", status).append("at", Date.from(created))))
            .append("createdAt", Date.from(created))
            .append("updatedAt", Date.from(created))
            .append("version", 1L)
            .append("outbox", List.of());
    if (List.of("SCHEDULED", "COMPLETED", "THANKED", "CLOSED", "NO_SHOW").contains(status)) {
      Instant start =
          status.equals("SCHEDULED")
              ? now.plus(Duration.ofDays(1 + k % 20))
              : created.plus(Duration.ofDays(5));
      doc.append(
          "appointment",
          new Document("start", Date.from(start))
              .append("durationMinutes", 30)
              .append("studentTimeZone", "America/Chicago")
              .append("contactTimeZone", "America/New_York")
              .append("mode", "VIDEO")
              .append("sequence", 0));
    }
    if (List.of("COMPLETED", "THANKED", "CLOSED").contains(status)) {
      Instant completed = created.plus(Duration.ofDays(5));
      doc.append("completedAt", Date.from(completed))
          .append("thankYouDueAt", Date.from(completed.plus(Duration.ofHours(48))))
          .append("keepInTouchDueAt", Date.from(completed.plus(Duration.ofDays(90))));
    }
    if (status.equals("REQUESTED")) {
      doc.append("followUpDueAt", Date.from(created.plus(Duration.ofDays(7))));
    }
    return doc;
  }

  /** One dashboard through the gateway: its time, and how many upcoming interviews it showed. */
  private long[] dashboard(LocalPorts ports, String token) throws Exception {
    return dashboard("http://127.0.0.1:" + ports.gateway() + "/api/interviews/me/dashboard", token);
  }

  /** The same, asked of interviews-service itself: where the time goes, gateway or service. */
  private long[] direct(LocalPorts ports, String token) throws Exception {
    return dashboard("http://127.0.0.1:" + ports.interviews() + "/me/dashboard", token);
  }

  private long[] dashboard(String address, String token) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = DevTokens.get(http, address, token);
    long took = System.nanoTime() - start;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Dashboard failed: " + response.statusCode() + " " + response.body());
    }
    int upcoming = response.body().split("\"localStart\"", -1).length - 1;
    return new long[] {took, upcoming};
  }

  /** The reads the dashboard makes, straight on the store: the student's list, then by _id. */
  private static long store(MongoDatabase store, String me) {
    long start = System.nanoTime();
    Document list = store.getCollection("student_interviews").find(new Document("_id", me)).first();
    List<ObjectId> ids = new ArrayList<>();
    for (String id : list.getList("ids", String.class)) {
      ids.add(new ObjectId(id));
    }
    List<Document> found = new ArrayList<>();
    store
        .getCollection("interviews")
        .find(new Document("_id", new Document("$in", ids)))
        .projection(Projections.include(DASHBOARD_FIELDS))
        .into(found);
    return System.nanoTime() - start;
  }
}
