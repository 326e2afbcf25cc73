package org.infointerview.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Sorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.infointerview.localrun.LocalPorts;

/**
 * What an alumni import costs: a generated alumni database export pushed through the real import
 * path (upload, inspection, matching, validation, bulk writes with their events) into the store,
 * beside a raw driver bulk write of the very documents it stored, in the same run on the same
 * store. Also the peak heap of contacts-service while it imports, the CPU that contacts-service,
 * the store and Kafka each spend per 1,000 imported rows, and what contacts-service's JVM spent on
 * itself meanwhile (JIT compiling, GC pauses).
 *
 * <p>Run from the repository root after {@code ./mvnw -B -q package -DskipTests}: {@code java -jar
 * benchmarks/target/benchmarks.jar import [rows] [alone] [shared]} (default 1,000,000 rows; {@code
 * alone} stops the services that consume the events, so the store serves only the import and its
 * relay). Goal: at least 0.6 times the raw rate in the deployed shape, heap below 512 MB
 * throughout.
 *
 * <p>The deployed shape (the default, pinned): the store on one CPU, as on a host of its own; the
 * services, the broker and the benchmark's client on the other, so the import and the raw write
 * meet the same store. {@code shared} lets every process run on any CPU instead: the raw write then
 * has both CPUs for the store, while the import's store gets what contacts-service and the broker
 * leave. One placement per run: a second import would meet a store twice the size, its indexes no
 * longer in the store's cache, and measure that instead.
 *
 * <p>Before the measured import, a smaller one of other people warms the system up (a running
 * service has compiled its import path long before; right after start every JVM compiles for
 * minutes on two cores): 60,000 rows, since after 20,000 contacts-service's JIT still compiled some
 * 5,000 methods (a minute of compile time) during the measured import, on the CPU the import
 * needed, and its CPU per 1,000 rows ranged from 236 to 364 ms over runs of the same code ({@code
 * -DwarmUpRows=N} before {@code -jar} changes the size; after 150,000 it still compiled for 11 s of
 * CPU, and the import met a store of 350,000 contacts). Before each measurement the consumers of
 * contacts.events are waited for until they have caught up, so neither side is measured against a
 * backlog of the other.
 */
final class ImportBenchmark {

  private static final int OFFSET = 2_000;

  private static final int WARM_UP_ROWS = Integer.getInteger("warmUpRows", 60_000);

  /** Alumni ids of the warm-up's people start here, far from the measured file's. */
  private static final int WARM_UP_FIRST = 50_000_000;

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    List<String> rest = List.of(args).subList(Math.min(1, args.length), args.length);
    new ImportBenchmark().run(rows, rest.contains("alone"), rest.contains("shared"));
  }

  /**
   * Waits until interviews-service's contact read model holds every contact: its consumer has
   * digested every ContactCreated.
   */
  private static void awaitConsumers(LocalPorts ports, boolean alone) throws InterruptedException {
    if (alone) {
      return;
    }
    long start = System.nanoTime();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + ports.mongo())) {
      MongoCollection<Document> contacts = client.getDatabase("contacts").getCollection("contacts");
      MongoCollection<Document> snapshots =
          client.getDatabase("interviews").getCollection("contact_snapshots");
      long expected = contacts.estimatedDocumentCount();
      while (snapshots.estimatedDocumentCount() < expected) {
        Thread.sleep(1000);
      }
    }
    System.out.printf(
        "  the consumers caught up %.1f s later%n", (System.nanoTime() - start) / 1e9);
  }

  /**
   * @param alone without the services that consume contacts.events, so the store serves only the
   *     import and its relay
   */
  private void run(int rows, boolean alone, boolean shared) throws Exception {
    List<String> options =
        alone ? List.of("--without=interviews-service,notifications-service") : List.of();
    System.out.printf("service JVMs: %s%n", LocalStack.SERVICE_JVM);
    try (LocalStack stack = LocalStack.start(OFFSET, Map.of(), options)) {
      LocalPorts ports = stack.ports();
      DevTokens admin = new DevTokens(ports, "admin", "admin");
      Path warmUp =
          AlumniFile.write(
              Files.createTempFile("alumni-warm-up-", ".csv"), WARM_UP_FIRST, WARM_UP_ROWS, 7);
      try {
        System.out.printf("warming up: an import of %,d other people%n", WARM_UP_ROWS);
        ImportClient imports = new ImportClient(ports, admin);
        imports.awaitEnd(imports.start(warmUp));
        awaitConsumers(ports, alone);
      } finally {
        Files.deleteIfExists(warmUp);
      }
      Map<String, ProcessHandle> jvms = jvms(stack);
      CpuPinning pinning = CpuPinning.storeApart(stack, jvms.get("store"), ProcessHandle.current());
      if (shared) {
        measure("shared", rows, ports, admin, jvms, alone);
      } else if (!pinning.possible()) {
        System.out.println("pinned: not possible (" + pinning.why() + "); measured shared");
        measure("shared", rows, ports, admin, jvms, alone);
      } else {
        pinning.pin();
        try {
          measure("pinned", rows, ports, admin, jvms, alone);
        } finally {
          pinning.unpin();
        }
      }
    }
  }

  /**
   * One measurement: an import of {@code rows} new people, the CPU each JVM spent on it, then the
   * raw writes of what it stored.
   */
  private static void measure(
      String placement,
      int rows,
      LocalPorts ports,
      DevTokens admin,
      Map<String, ProcessHandle> jvms,
      boolean alone)
      throws Exception {
    Path file = AlumniFile.write(Files.createTempFile("alumni-", ".csv"), rows, 42);
    try {
      System.out.printf("%s: generated %,d rows, %,d bytes%n", placement, rows, Files.size(file));
      Instant start = Instant.now();
      Map<String, Duration> cpuBefore = cpu(jvms);
      JvmTimes jvmBefore = JvmTimes.of(ports.contacts());
      try (HeapSampler heap = new HeapSampler(ports.contacts())) {
        ImportClient imports = new ImportClient(ports, admin);
        String id = imports.start(file);
        System.out.printf(
            "upload and inspection: %.1f s%n",
            Duration.between(start, Instant.now()).toMillis() / 1000.0);
        Map<String, String> done = imports.awaitEnd(id);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        double jobSeconds =
            Duration.between(
                        Instant.parse(done.get("startedAt")), Instant.parse(done.get("finishedAt")))
                    .toMillis()
                / 1000.0;
        double imported = rows / seconds;
        System.out.printf(
            "%nalumni import of %,d rows (%s), %s%n", rows, done.get("status"), placement);
        System.out.printf(
            "  created %s, updated %s, unchanged %s, failed %s%n",
            done.get("created"), done.get("updated"), done.get("unchanged"), done.get("failed"));
        System.out.printf(
            "  import path    %,10.0f rows/s (%.1f s end to end; the job alone %.1f s, %,.0f rows/s)"
                + "   peak heap of contacts-service %.0f MB (goal < 512 MB)%n",
            imported, seconds, jobSeconds, rows / jobSeconds, heap.peakMegabytes());
        // steadier than a rate from run to run on a shared host: what each JVM spent per row
        Map<String, Duration> cpuAfter = cpu(jvms);
        StringBuilder spent = new StringBuilder("  CPU per 1,000 rows:");
        cpuAfter.forEach(
            (name, after) ->
                spent.append(
                    String.format(
                        " %s %.0f ms,",
                        name, after.minus(cpuBefore.get(name)).toMillis() * 1000.0 / rows)));
        System.out.println(spent.substring(0, spent.length() - 1));
        JvmTimes jvm = JvmTimes.of(ports.contacts()).since(jvmBefore);
        System.out.printf(
            "  contacts-service during the import: JIT compiling %.1f s, GC pauses %.1f s%n",
            jvm.compilingSeconds(), jvm.gcPauseSeconds());
        awaitConsumers(ports, alone);
        // The empty collection goes first: the filled one, the ratio's base, then meets a warmer
        // store.
        double empty = rawRate(ports, id, rows, false);
        double raw = rawRate(ports, id, rows, true);
        System.out.printf(
            "  raw bulkWrite  %,10.0f rows/s (the same documents, batches of 500, into a collection"
                + " with the indexes of contacts, holding as many others as contacts did)%n",
            raw);
        System.out.printf(
            "  raw bulkWrite  %,10.0f rows/s (the same, into an empty collection with those"
                + " indexes)%n",
            empty);
        System.out.printf(
            "  ratio          %.2fx (goal >= 0.6x; %.2fx against the empty collection)%n",
            imported / raw, imported / empty);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The JVMs an import keeps busy, by what they are. */
  private static Map<String, ProcessHandle> jvms(LocalStack stack) {
    Map<String, ProcessHandle> jvms = new LinkedHashMap<>();
    jvms.put("contacts-service", stack.service("contacts-service"));
    for (ProcessHandle process : stack.processes()) {
      String line = process.info().commandLine().orElse("");
      if (line.contains("infointerview.local.bounded=true")) {
        jvms.put("store", process);
      } else if (line.contains("kafka.Kafka")) {
        jvms.put("Kafka", process);
      }
    }
    return jvms;
  }

  private static Map<String, Duration> cpu(Map<String, ProcessHandle> jvms) {
    Map<String, Duration> cpu = new LinkedHashMap<>();
    jvms.forEach(
        (name, process) -> cpu.put(name, process.info().totalCpuDuration().orElse(Duration.ZERO)));
    return cpu;
  }

  /**
   * Copies the documents the import stored into a scratch collection with raw bulk writes. The
   * scratch collection first gets every index contacts has; with {@code filled}, also (untimed) a
   * copy of every other contact, so the store does the same work per document as for the import's
   * own inserts: indexes of the same size, the same share of them in its cache (the import meets
   * the warm-up's people, the empty collection nobody, and the store's work per row grows with its
   * indexes). Both are printed; after the 60,000 of the warm-up, they differed by less than the
   * spread from run to run.
   */
  private static double rawRate(LocalPorts ports, String importId, int rows, boolean filled) {
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + ports.mongo())) {
      MongoCollection<Document> contacts = client.getDatabase("contacts").getCollection("contacts");
      MongoCollection<Document> scratch =
          client.getDatabase("contacts").getCollection("raw_benchmark_" + new ObjectId());
      for (Document index : contacts.listIndexes()) {
        if (!"_id_".equals(index.getString("name"))) {
          IndexOptions options =
              new IndexOptions()
                  .name(index.getString("name"))
                  .unique(index.getBoolean("unique", false))
                  .sparse(index.getBoolean("sparse", false));
          scratch.createIndex(index.get("key", Document.class), options);
        }
      }
      if (filled) {
        fill(contacts, scratch, importId);
      }
      long written = 0;
      long nanos = 0;
      // Read 500 at a time by their alumni ids (a unique index, even on the embedded store, which
      // would otherwise hold a whole query's result in memory); only the writes are timed.
      for (int from = 0; from < rows; from += 500) {
        List<String> ids = new ArrayList<>(500);
        for (int i = from; i < Math.min(from + 500, rows); i++) {
          ids.add(AlumniFile.alumniId(i));
        }
        List<InsertOneModel<Document>> batch = new ArrayList<>(500);
        for (Document document : contacts.find(Filters.in("externalAlumniId", ids))) {
          if (importId.equals(document.get("importMark", Document.class).getString("importId"))) {
            document.put("_id", new ObjectId());
            batch.add(new InsertOneModel<>(document));
          }
        }
        if (!batch.isEmpty()) {
          nanos += write(scratch, batch);
          written += batch.size();
        }
      }
      scratch.drop();
      return written / (nanos / 1e9);
    }
  }

  /**
   * Copies every contact but the import's into the scratch collection, a page at a time in {@code
   * _id} order (the embedded store reads such a page from its map, not the whole collection).
   */
  private static void fill(
      MongoCollection<Document> contacts, MongoCollection<Document> scratch, String importId) {
    Object last = null;
    while (true) {
      List<InsertOneModel<Document>> page = new ArrayList<>(1000);
      Object lastOfPage = null;
      for (Document document :
          contacts
              .find(last == null ? new Document() : Filters.gt("_id", last))
              .sort(Sorts.ascending("_id"))
              .limit(1000)) {
        lastOfPage = document.get("_id");
        Document mark = document.get("importMark", Document.class);
        if (mark == null || !importId.equals(mark.getString("importId"))) {
          page.add(new InsertOneModel<>(document));
        }
      }
      if (lastOfPage == null) {
        return;
      }
      if (!page.isEmpty()) {
        scratch.bulkWrite(page, new BulkWriteOptions().ordered(false));
      }
      last = lastOfPage;
    }
  }

  private static long write(
      MongoCollection<Document> collection, List<InsertOneModel<Document>> batch) {
    long start = System.nanoTime();
    collection.bulkWrite(batch, new BulkWriteOptions().ordered(false));
    return System.nanoTime() - start;
  }
}
