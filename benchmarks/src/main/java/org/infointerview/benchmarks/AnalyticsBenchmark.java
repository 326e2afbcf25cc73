package org.infointerview.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.bson.Document;
import org.infointerview.localrun.LocalPorts;

/**
 * What cohort analytics cost: {@code GET /api/interviews/analytics/cohort} through the gateway as
 * the demo advisor, over the last 90 days, with {@code students} × {@code per-student} interviews
 * in the store; the same asked of the service itself; right after a write marked one of the range's
 * days; and how long until the figures count that write (the days are counted again in the
 * background). Beside them, in the same run, the raw read the report made before it kept days: the
 * fields it counts, of every interview in the range, 500 at a time by {@code _id}. The first
 * report, which finds the seeded interviews unmarked as an upgrade would, is timed on its own.
 *
 * <p>Run from the repository root after {@code ./mvnw -B -q package -DskipTests}: {@code java -jar
 * benchmarks/target/benchmarks.jar analytics [students] [per-student] [requests]} (defaults 5,000,
 * 10, 60: 50,000 interviews). Goal: p95 at most 200 ms through the gateway. The interviews are
 * written straight into the store as interviews-service stores them, in every state ({@link
 * DashboardBenchmark}'s).
 */
final class AnalyticsBenchmark {

  private static final int OFFSET = 4_500;

  /** A write, and how long until reports count it, every this many requests. */
  private static final int FRESHNESS_EVERY = 4;

  /** How many times the raw read runs: at 50,000 interviews each takes seconds. */
  private static final int RAW_RUNS = 5;

  /** The fields interviews-service's cohort report reads of each interview. */
  private static final List<String> REPORT_FIELDS =
      List.of(
          "studentId",
          "status",
          "careerField",
          "contact.contactId",
          "contact.institutional",
          "contact.organizationName",
          "attempts.at",
          "answers.at",
          "appointment.start",
          "completedAt",
          "thankYou.onTime",
          "referrals.referralId",
          "history.to");

  private final HttpClient http = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    int students = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int perStudent = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    new AnalyticsBenchmark().run(students, perStudent, requests);
  }

  private void run(int students, int perStudent, int requests) throws Exception {
    try (LocalStack stack =
            LocalStack.start(OFFSET, Map.of(), List.of("--without=notifications-service"));
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + stack.ports().mongo())) {
      LocalPorts ports = stack.ports();
      DevTokens advisor = new DevTokens(ports, "advisor", "advisor");
      MongoDatabase store = client.getDatabase("interviews");
      long seeding = System.nanoTime();
      DashboardBenchmark.seed(store, "bench|student-0", students, perStudent);
      System.out.printf(
          "seeded %,d interviews (%,d students x %d) in %.1f s%n",
          (long) students * perStudent, students, perStudent, (System.nanoTime() - seeding) / 1e9);
      LocalDate to = LocalDate.now(ZoneOffset.UTC);
      LocalDate from = to.minusDays(90);
      String query = "?from=" + from + "&to=" + to;
      String gateway =
          "http://127.0.0.1:" + ports.gateway() + "/api/interviews/analytics/cohort" + query;
      String service = "http://127.0.0.1:" + ports.interviews() + "/analytics/cohort" + query;
      MongoCollection<Document> days = store.getCollection("cohort_days");

      // Written straight into the store, the interviews have no day marked: as an upgrade finds
      // them. The first report reads every interview's day again and counts each day.
      days.deleteMany(new Document());
      long first = report(service, advisor.get());
      System.out.printf(
          "first report (every interview's day read and counted): %.1f s%n", first / 1e9);

      System.out.println("warming up...");
      for (int i = 0; i < 5; i++) {
        report(gateway, advisor.get());
        report(service, advisor.get());
      }
      Histogram api = new Histogram(3);
      Histogram direct = new Histogram(3);
      Histogram afterWrite = new Histogram(3);
      Histogram freshness = new Histogram(3);
      List<String> seeded = new ArrayList<>();
      days.find(new Document("slices", new Document("$exists", true)))
          .projection(Projections.include("_id"))
          .forEach(d -> seeded.add(d.getString("_id")));
      // Interleaved, so each way meets the same warmth and the same neighbours.
      for (int i = 0; i < requests; i++) {
        api.recordValue(report(gateway, advisor.get()));
        direct.recordValue(report(service, advisor.get()));
        if (i % FRESHNESS_EVERY == 0) {
          // a write to one of the day's interviews marks its day, as the service's writes do
          Instant marked = Instant.now();
          days.updateOne(
              new Document("_id", seeded.get(i % seeded.size())),
              new Document("$inc", new Document("marks", 1L))
                  .append("$set", new Document("dirty", true))
                  .append("$min", new Document("dirtySince", Date.from(marked))));
          afterWrite.recordValue(report(gateway, advisor.get()));
          while (countedAt(service, advisor.get()).isBefore(marked)) {
            Thread.sleep(50);
          }
          freshness.recordValue(Duration.between(marked, Instant.now()).toNanos());
        }
      }
      // The raw read (what the report read before it kept days) is slow: a few runs say enough.
      Histogram raw = new Histogram(3);
      long counted = 0;
      for (int i = 0; i < Math.min(requests, RAW_RUNS); i++) {
        long[] read = store(store, from, to);
        raw.recordValue(read[0]);
        counted = read[1];
      }
      double apiP95 = api.getValueAtPercentile(95) / 1e6;
      double rawP50 = raw.getValueAtPercentile(50) / 1e6;
      System.out.printf(
          "%ncohort report over 90 days: %,d interviews in the range of %,d, %d requests each%n",
          counted, (long) students * perStudent, requests);
      print("through the gateway", api);
      print("the service itself", direct);
      print("after a write (gateway)", afterWrite);
      print("a write counted after", freshness);
      print("raw store read", raw);
      System.out.printf(
          "  ratio p95 %.3fx of the raw read's p50; p95 %.1f ms (goal <= 200 ms); a write is in"
              + " the figures within %.1f s (p95)%n",
          apiP95 / rawP50, apiP95, freshness.getValueAtPercentile(95) / 1e9);
    }
  }

  private static void print(String what, Histogram took) {
    System.out.printf(
        "  %-24s p50 %8.1f ms  p95 %8.1f ms  max %8.1f ms%n",
        what,
        took.getValueAtPercentile(50) / 1e6,
        took.getValueAtPercentile(95) / 1e6,
        took.getMaxValue() / 1e6);
  }

  /** When the figures of a report were counted. */
  private Instant countedAt(String address, String token) throws Exception {
    HttpResponse<String> response = DevTokens.get(http, address, token);
    Matcher counted = Pattern.compile("\"countedAt\":\"([^\"]+)\"").matcher(response.body());
    if (!counted.find()) {
      throw new IllegalStateException("No countedAt: " + response.body());
    }
    return Instant.parse(counted.group(1));
  }

  private long report(String address, String token) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = DevTokens.get(http, address, token);
    long took = System.nanoTime() - start;
    if (response.statusCode() != 200 || !response.body().contains("\"suppressed\":false")) {
      throw new IllegalStateException(
          "Report failed: " + response.statusCode() + " " + response.body());
    }
    return took;
  }

  /** The report's read straight on the store: its fields, in pages of 500 by _id. */
  private static long[] store(MongoDatabase store, LocalDate from, LocalDate to) {
    long start = System.nanoTime();
    MongoCollection<Document> interviews = store.getCollection("interviews");
    Document range =
        new Document(
            "createdAt",
            new Document("$gte", Date.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .append("$lt", Date.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())));
    long read = 0;
    Object last = null;
    while (true) {
      // _id beside the range at the top, as the service's pages ask
      Document page =
          last == null ? range : new Document(range).append("_id", new Document("$gt", last));
      List<Document> docs =
          interviews
              .find(page)
              .projection(Projections.include(REPORT_FIELDS))
              .sort(Sorts.ascending("_id"))
              .limit(500)
              .into(new ArrayList<>());
      read += docs.size();
      if (docs.size() < 500) {
        break;
      }
      last = docs.get(docs.size() - 1).get("_id");
    }
    return new long[] {System.nanoTime() - start, read};
  }
}
