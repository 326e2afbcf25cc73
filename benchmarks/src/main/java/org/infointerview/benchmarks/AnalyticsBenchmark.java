package org.infointerview.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.bson.Document;
import org.infointerview.localrun.LocalPorts;

/**
 * What cohort analytics cost: {@code GET /api/interviews/analytics/cohort} through the gateway as
 * the demo advisor, over the last 90 days, with {@code students} × {@code per-student} interviews
 * in the store, beside the same read straight on the store with the driver (the fields the report
 * counts, of every interview in the range, 500 at a time by {@code _id} as the service reads them),
 * in the same run.
 *
 * <p>Run from the repository root after {@code ./mvnw -B -q package -DskipTests}: {@code java -jar
 * benchmarks/target/benchmarks.jar analytics [students] [per-student] [requests]} (defaults 5,000,
 * 10, 60: 50,000 interviews). Goal: p95 at most 200 ms through the gateway. The interviews are
 * written straight into the store as interviews-service stores them, in every state ({@link
 * DashboardBenchmark}'s).
 */
final class AnalyticsBenchmark {

  private static final int OFFSET = 4_500;

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

      System.out.println("warming up...");
      for (int i = 0; i < 5; i++) {
        report(
            "http://127.0.0.1:" + ports.gateway() + "/api/interviews/analytics/cohort" + query,
            advisor.get());
        store(store, from, to);
      }
      Histogram api = new Histogram(3);
      Histogram service = new Histogram(3);
      Histogram raw = new Histogram(3);
      long counted = 0;
      // Interleaved, so each way meets the same warmth and the same neighbours.
      for (int i = 0; i < requests; i++) {
        api.recordValue(
            report(
                "http://127.0.0.1:" + ports.gateway() + "/api/interviews/analytics/cohort" + query,
                advisor.get()));
        service.recordValue(
            report(
                "http://127.0.0.1:" + ports.interviews() + "/analytics/cohort" + query,
                advisor.get()));
        long[] read = store(store, from, to);
        raw.recordValue(read[0]);
        counted = read[1];
      }
      double apiP95 = api.getValueAtPercentile(95) / 1e6;
      double rawP95 = raw.getValueAtPercentile(95) / 1e6;
      System.out.printf(
          "%ncohort report over 90 days: %,d interviews counted of %,d, %d requests each%n",
          counted, (long) students * perStudent, requests);
      System.out.printf(
          "  through the gateway  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
          api.getValueAtPercentile(50) / 1e6, apiP95, api.getMaxValue() / 1e6);
      System.out.printf(
          "  the service itself   p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
          service.getValueAtPercentile(50) / 1e6,
          service.getValueAtPercentile(95) / 1e6,
          service.getMaxValue() / 1e6);
      System.out.printf(
          "  store read           p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
          raw.getValueAtPercentile(50) / 1e6, rawP95, raw.getMaxValue() / 1e6);
      System.out.printf(
          "  ratio p95 %.2fx of the store read; p95 %.1f ms (goal <= 200 ms)%n",
          apiP95 / rawP95, apiP95);
    }
  }

  private long report(String address, String token) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(address))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
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
