package org.infointerview.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.bson.Document;
import org.infointerview.localrun.LocalPorts;

/**
 * What search costs: a student's filtered free-text search over 100,000 imported contacts through
 * the HTTP API, beside the same query sent straight to the store with the driver, in the same run.
 *
 * <p>Run from the repository root after {@code ./mvnw -B -q package -DskipTests}: {@code java -jar
 * benchmarks/target/benchmarks.jar search [contacts] [queries] [store-queries]}. Goal: API p95 at
 * most 100 ms and at most 3 times the store's. The store query scans on the embedded store (seconds
 * each at 100,000 contacts), so it is sent for the first {@code store-queries} searches only
 * (default 30). The services that consume contacts.events are left out of the stack: they take no
 * part in search and would otherwise still be digesting the import while search is measured.
 */
final class SearchBenchmark {

  private static final int OFFSET = 3_000;

  private final HttpClient http = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int storeQueries = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    new SearchBenchmark().run(contacts, queries, storeQueries);
  }

  /** One search: a name prefix, a career field and a graduation-year range. */
  private record Search(String word, String careerField, int from, int to) {

    String query() {
      return "q="
          + URLEncoder.encode(word, StandardCharsets.UTF_8)
          + "&careerField="
          + careerField
          + "&graduatedFrom="
          + from
          + "&graduatedTo="
          + to;
    }
  }

  private void run(int contacts, int queries, int storeQueries) throws Exception {
    Path file = AlumniFile.write(Files.createTempFile("alumni-", ".csv"), contacts, 7);
    // Without the services that only digest the import's 100,000 events: on two cores and one
    // embedded store they would be measured along with search.
    try (LocalStack stack =
        LocalStack.start(
            OFFSET, Map.of(), List.of("--without=interviews-service,notifications-service"))) {
      LocalPorts ports = stack.ports();
      importAll(ports, new DevTokens(ports, "admin", "admin"), file);
      DevTokens token = new DevTokens(ports, "student", "student");
      List<Search> searches = new ArrayList<>();
      List<String> fields = List.of("STEM", "HEALTH_SCIENCE", "FINANCE", "INFORMATION_TECHNOLOGY");
      for (int i = 0; i < queries; i++) {
        String given = AlumniFile.GIVEN.get(i % AlumniFile.GIVEN.size());
        String word = given.substring(0, Math.min(given.length(), 3 + i % 3));
        int from = 1970 + (i * 7) % 40;
        searches.add(new Search(word, fields.get(i % fields.size()), from, from + 10));
      }
      System.out.println("warming up...");
      for (Search search : searches.subList(0, Math.min(10, searches.size()))) {
        api(ports, token.get(), search);
      }
      store(ports, searches.get(0));
      Histogram api = new Histogram(3);
      Histogram store = new Histogram(3);
      // One after the other, so that a store scan's load never lands on an API call's time.
      for (Search search : searches) {
        api.recordValue(api(ports, token.get(), search));
      }
      for (Search search : searches.subList(0, Math.min(storeQueries, searches.size()))) {
        store.recordValue(store(ports, search));
      }
      double apiP95 = api.getValueAtPercentile(95) / 1e6;
      double storeP95 = store.getValueAtPercentile(95) / 1e6;
      System.out.printf(
          "%nstudent search (word prefix + career field + 10-year range, 20 per page) over %,d contacts,"
              + " %d queries (%d of them also on the store)%n",
          contacts, queries, Math.min(queries, storeQueries));
      System.out.printf(
          "  HTTP API   p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
          api.getValueAtPercentile(50) / 1e6, apiP95, api.getMaxValue() / 1e6);
      System.out.printf(
          "  store      p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
          store.getValueAtPercentile(50) / 1e6, storeP95, store.getMaxValue() / 1e6);
      System.out.printf(
          "  ratio p95  %.2fx (goal <= 3x); API p95 %.1f ms (goal <= 100 ms)%n",
          apiP95 / storeP95, apiP95);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private long api(LocalPorts ports, String token, Search search) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + ports.contacts() + "/contacts?" + search.query()))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Search failed: " + response.statusCode() + " " + response.body());
    }
    return System.nanoTime() - start;
  }

  private MongoClient client;

  /** The query ContactSearch builds for a student, sent with the driver. */
  private long store(LocalPorts ports, Search search) {
    if (client == null) {
      client = MongoClients.create("mongodb://127.0.0.1:" + ports.mongo());
    }
    MongoCollection<Document> contacts = client.getDatabase("contacts").getCollection("contacts");
    Document reachable =
        new Document(
            "$and",
            List.of(
                new Document("ownerId", null),
                new Document("consent.optedIn", true),
                new Document("consent.doNotContact", false)));
    Document filter =
        new Document(
            "$and",
            List.of(
                new Document("status", "ACTIVE"),
                new Document("$or", List.of(new Document("ownerId", "student"), reachable)),
                new Document(
                    "searchTokens",
                    Pattern.compile("^" + Pattern.quote(search.word().toLowerCase()))),
                new Document(
                    "details.careerFields", new Document("$in", List.of(search.careerField()))),
                new Document(
                    "details.alumni.graduationYear",
                    new Document("$gte", search.from()).append("$lte", search.to()))));
    long start = System.nanoTime();
    List<Document> found = new ArrayList<>();
    contacts.find(filter).sort(new Document("nameKey", 1).append("_id", 1)).limit(21).into(found);
    return System.nanoTime() - start;
  }

  private static void importAll(LocalPorts ports, DevTokens admin, Path file) throws Exception {
    ImportClient imports = new ImportClient(ports, admin);
    Map<String, String> done = imports.awaitEnd(imports.start(file));
    if (!"COMPLETED".equals(done.get("status"))) {
      throw new IllegalStateException("Import ended " + done);
    }
  }
}
